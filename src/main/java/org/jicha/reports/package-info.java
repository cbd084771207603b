/**
 * Reports: the deviation report (稽查报告, {@link org.jicha.reports.DeviationReportService}) for supervisors and
 * the feedback report (信息反馈, {@link org.jicha.reports.FeedbackReportService}) for audited teams, both resting on
 * the latest completed run of a period, as {@link org.jicha.reports.ReportDocument}s rendered to XLSX
 * ({@link org.jicha.reports.XlsxReportWriter}) and to PDF with an embedded Chinese font
 * ({@link org.jicha.reports.PdfReportWriter}). The ratios' definitions are counted in one place
 * ({@code RatioQueries}, docs/REPORTS.md); the monthly archive ({@link org.jicha.reports.ReportArchive}) announces
 * each team's files with {@link org.jicha.reports.FeedbackReportArchived}. Only {@code web} and {@code schedule}
 * may use this package.
 */
package org.jicha.reports;
