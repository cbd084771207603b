package org.jicha.tickets.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The TEAM units by (station, team kind): who receives a ticket. Read once per run. */
public final class TeamDirectory {

    private final Map<String, String> teamByStationAndKind;

    private TeamDirectory(Map<String, String> teamByStationAndKind) {
        this.teamByStationAndKind = teamByStationAndKind;
    }

    public static TeamDirectory read(JdbcTemplate jdbc) {
        Map<String, String> map = new HashMap<>();
        jdbc.query(
                "SELECT unit_code, parent_code, team_kind FROM units WHERE unit_type = 'TEAM' "
                        + "AND parent_code IS NOT NULL AND team_kind IS NOT NULL ORDER BY unit_code",
                rs -> {
                    map.putIfAbsent(
                            rs.getString("parent_code") + "|" + rs.getString("team_kind"), rs.getString("unit_code"));
                });
        return new TeamDirectory(map);
    }

    /** True when the unit exists and is a TEAM: a ticket may be dispatched to it. */
    public static boolean isTeam(JdbcTemplate jdbc, String unitCode) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM units WHERE unit_code = ? AND unit_type = 'TEAM'", Long.class, unitCode);
        return n != null && n > 0;
    }

    /** The team of that kind directly under the station; null when the organisation has none. */
    public String teamFor(String stationCode, String teamKind) {
        return stationCode == null ? null : teamByStationAndKind.get(stationCode + "|" + teamKind);
    }
}
