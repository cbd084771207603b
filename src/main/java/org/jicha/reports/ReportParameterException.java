package org.jicha.reports;

/** A report request with a bad parameter (period, unit, team, format): HTTP 400 naming the parameter. */
public class ReportParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ReportParameterException(String parameter, String zh, String en) {
        super("参数 " + parameter + "：" + zh + " / parameter " + parameter + ": " + en);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
