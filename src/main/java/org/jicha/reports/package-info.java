/**
 * Reports: the deviation report (稽查报告) for supervisors and the feedback report (信息反馈) for audited
 * teams, as {@link org.jicha.reports.ReportDocument}s rendered to XLSX ({@link org.jicha.reports.XlsxReportWriter})
 * and to PDF with an embedded Chinese font ({@link org.jicha.reports.PdfReportWriter}).
 */
package org.jicha.reports;
