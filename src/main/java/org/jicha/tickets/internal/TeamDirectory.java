package org.jicha.tickets.internal;

import java.util.Map;
import org.jicha.records.UnitRecords;

/** The TEAM units by (station, team kind): who receives a ticket. Read once per run. */
public final class TeamDirectory {

    private final Map<String, String> teamByStationAndKind;

    private TeamDirectory(Map<String, String> teamByStationAndKind) {
        this.teamByStationAndKind = teamByStationAndKind;
    }

    public static TeamDirectory read(UnitRecords units) {
        return new TeamDirectory(units.teamsByStationAndKind());
    }

    /** The team of that kind directly under the station; null when the organisation has none. */
    public String teamFor(String stationCode, String teamKind) {
        return stationCode == null ? null : teamByStationAndKind.get(stationCode + "|" + teamKind);
    }
}
