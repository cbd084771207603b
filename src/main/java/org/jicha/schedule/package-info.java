/**
 * Scheduling with Quartz on the JDBC job store (tables made by Flyway): the nightly job loads new inbox
 * batches, then audits as of today ({@link org.jicha.schedule.NightlyAudit}); the monthly feedback job archives
 * every team's feedback report of the month before ({@link org.jicha.reports.ReportArchive}). Jobs are thin:
 * one call into a service.
 */
package org.jicha.schedule;
