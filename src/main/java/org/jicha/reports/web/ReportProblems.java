package org.jicha.reports.web;

import org.jicha.reports.ArchivedReportNotFoundException;
import org.jicha.reports.NoCompletedRunException;
import org.jicha.reports.PdfFontMissingException;
import org.jicha.reports.ReportForbiddenException;
import org.jicha.reports.ReportParameterException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The reports' refusals: 400 naming the parameter, 403, 404 before any completed run or for an unknown archived file, 503 without a PDF font. */
@Component
class ReportProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(ReportParameterException.class, HttpStatus.BAD_REQUEST)
                .with((e, problem) -> problem.setProperty("parameter", e.parameter()));
        problems.map(ReportForbiddenException.class, HttpStatus.FORBIDDEN);
        problems.map(PdfFontMissingException.class, HttpStatus.SERVICE_UNAVAILABLE);
        problems.map(NoCompletedRunException.class, HttpStatus.NOT_FOUND);
        problems.map(ArchivedReportNotFoundException.class, HttpStatus.NOT_FOUND);
    }
}
