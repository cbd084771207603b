package org.jicha.reports;

/** The actor may not read this report (role, or a unit outside its scope): HTTP 403. */
public class ReportForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportForbiddenException(String zh, String en) {
        super(zh + " / " + en);
    }
}
