package org.jicha.records;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The loaded organisation units (companies, counties, stations, teams) as other modules read them. */
@Component
public class UnitRecords {

    /** One loaded unit: code, name, parent (null at the top), type and, for a team, its kind. */
    public record Unit(String code, String name, String parent, String type, String teamKind) {}

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public UnitRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Every loaded unit, in no particular order. */
    public List<Unit> all() {
        return jdbc.query(
                "SELECT unit_code, unit_name, parent_code, unit_type, team_kind FROM units",
                (rs, i) ->
                        new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Whether the unit has been loaded from the extract. */
    public boolean exists(String unitCode) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM units WHERE unit_code = ?", Long.class, unitCode);
        return n != null && n > 0;
    }

    /** Each loaded unit's parent (null at the top), in the order the table yields them. */
    public Map<String, String> parents() {
        Map<String, String> parents = new LinkedHashMap<>();
        jdbc.query("SELECT unit_code, parent_code FROM units", rs -> {
            parents.put(rs.getString("unit_code"), rs.getString("parent_code"));
        });
        return parents;
    }

    /** The name of a unit, or its code when it is not loaded. */
    public String nameOf(String unitCode) {
        return jdbc.queryForList("SELECT unit_name FROM units WHERE unit_code = ?", String.class, unitCode).stream()
                .findFirst()
                .orElse(unitCode);
    }

    /** Code -> name of those of the given codes that name a loaded unit (nulls and unknown codes left out). */
    public Map<String, String> namesOf(Collection<String> unitCodes) {
        Set<String> codes = new HashSet<>(unitCodes);
        codes.remove(null);
        Map<String, String> names = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            named.query(
                    "SELECT unit_code, unit_name FROM units WHERE unit_code IN (:units)",
                    new MapSqlParameterSource("units", codes),
                    rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** Those of the given codes that name a loaded unit. */
    public Set<String> loaded(Collection<String> unitCodes) {
        return new HashSet<>(named.queryForList(
                "SELECT unit_code FROM units WHERE unit_code IN (:units)",
                new MapSqlParameterSource("units", unitCodes),
                String.class));
    }

    /**
     * The teams by station and team kind ({@code station|KIND} -> team code): the team directly under a station
     * that receives the tickets of a kind; the first by code where a station has two of a kind.
     */
    public Map<String, String> teamsByStationAndKind() {
        Map<String, String> teams = new LinkedHashMap<>();
        jdbc.query(
                "SELECT unit_code, parent_code, team_kind FROM units WHERE unit_type = 'TEAM' "
                        + "AND parent_code IS NOT NULL AND team_kind IS NOT NULL ORDER BY unit_code",
                rs -> {
                    teams.putIfAbsent(
                            rs.getString("parent_code") + "|" + rs.getString("team_kind"), rs.getString("unit_code"));
                });
        return teams;
    }

    /** Whether the unit is loaded and is a team. */
    public boolean isTeam(String unitCode) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM units WHERE unit_code = ? AND unit_type = 'TEAM'", Long.class, unitCode);
        return n != null && n > 0;
    }
}
