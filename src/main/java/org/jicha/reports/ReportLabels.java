package org.jicha.reports;

import java.util.MissingResourceException;
import org.jicha.config.Labels;

/**
 * The Chinese words a report prints for the codes it holds (severity, ticket status, team kind, theme, subject
 * type), from the message bundles like every other label; a code without a label (a value the bundles do not
 * know yet) prints as stored rather than failing the report.
 */
final class ReportLabels {

    private ReportLabels() {}

    static String severity(String code) {
        return label("severity.", code);
    }

    static String status(String code) {
        return label("ticket.status.", code);
    }

    static String teamKind(String code) {
        return label("teamKind.", code);
    }

    static String theme(String code) {
        return label("theme.", code);
    }

    static String subjectType(String code) {
        return label("subjectType.", code);
    }

    private static String label(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return code;
        }
        try {
            return Labels.zh(prefix + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
