package org.jicha.rules;

/** How grave a deviation is; each has the catalogue's default rectify limit in working days. */
public enum Severity {
    CRITICAL(3),
    MAJOR(7),
    MINOR(15);

    private final int defaultRectifyDays;

    Severity(int defaultRectifyDays) {
        this.defaultRectifyDays = defaultRectifyDays;
    }

    public int defaultRectifyDays() {
        return defaultRectifyDays;
    }
}
