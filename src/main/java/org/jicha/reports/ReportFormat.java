package org.jicha.reports;

import java.util.Locale;

/** How a report is delivered. */
enum ReportFormat {
    JSON("application/json", "json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code json}, {@code xlsx} or {@code pdf} in any case; empty = JSON. */
    public static ReportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        for (ReportFormat f : values()) {
            if (f.extension.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ReportParameterException(
                "format", "只支持 json、xlsx、pdf，收到 \"" + value + "\"", "one of json, xlsx, pdf, got \"" + value + "\"");
    }
}
