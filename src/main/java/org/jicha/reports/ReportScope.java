package org.jicha.reports;

import java.util.Set;

/**
 * Whose records a report counts.
 *
 * @param unitCode the unit asked for; null = the whole company
 * @param units    that unit and every unit below it ({@code UnitTree.subtree}); null = every unit. Records count
 *                 by the station that serves them (customers, applications, findings) and tickets also by
 *                 their responsible team
 * @param team     when set, only findings and tickets routed to this team unit count (a feedback report)
 */
record ReportScope(String unitCode, Set<String> units, String team) {

    public ReportScope {
        units = units == null ? null : Set.copyOf(units);
    }

    public static ReportScope company() {
        return new ReportScope(null, null, null);
    }

    public boolean wholeCompany() {
        return units == null;
    }
}
