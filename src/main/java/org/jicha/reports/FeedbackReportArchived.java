package org.jicha.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * Published (Spring application event) after the monthly job archived a team's feedback report, so that mail
 * (org.jicha.notify's outbox) can send the files to the team without reports depending on it.
 *
 * @param period        the reported month, yyyy-MM
 * @param teamUnitCode  the team
 * @param paths         the archived files (XLSX, PDF)
 */
public record FeedbackReportArchived(String period, String teamUnitCode, List<Path> paths) {

    public FeedbackReportArchived {
        paths = List.copyOf(paths);
    }
}
