/**
 * Audit plans (稽查计划): routine plans on a cron (monthly, quarterly) and special audits (专项稽查) on a cron
 * within a date range, each over themes or rules and units, with a target. Each enabled plan is one Quartz
 * trigger (group {@code plans}) of the durable {@link org.jicha.plans.PlanAuditJob}; the plan's execution
 * figures (runs, findings, tickets, rectification rate) are read from its runs and their tickets.
 */
package org.jicha.plans;
