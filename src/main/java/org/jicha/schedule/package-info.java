/**
 * Scheduling with Quartz on the JDBC job store (tables made by Flyway): the nightly job loads new inbox
 * batches, then audits as of the firing's date. Jobs are thin: one call into
 * {@link org.jicha.schedule.NightlyAudit}. {@link org.jicha.schedule.TriggerSync} keeps stored triggers in step
 * with the configuration without losing a firing missed while the server was down;
 * {@link org.jicha.schedule.QuartzFiring} tells a service whether Quartz is recovering a crashed firing.
 * The monthly feedback job archives every team's feedback report of the month before
 * ({@link org.jicha.reports.ReportArchive}).
 */
package org.jicha.schedule;
