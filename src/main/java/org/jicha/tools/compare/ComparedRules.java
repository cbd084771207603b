package org.jicha.tools.compare;

import java.util.List;
import java.util.Set;

/** The five rules issue 6 compares across Drools, SQL and Java. */
public final class ComparedRules {

    public static final List<String> CODES = List.of("BIL-01", "BIL-02", "BIL-06", "BIL-07", "BIL-08");
    public static final Set<String> SET = Set.copyOf(CODES);

    private ComparedRules() {}
}
