package org.jicha.records;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The loaded organisation units (companies, counties, stations, teams) as other modules read them. */
@Component
public class UnitRecords {

    /** One loaded unit: code, name, parent (null at the top), type and, for a team, its kind. */
    public record Unit(String code, String name, String parent, String type, String teamKind) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public UnitRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Every loaded unit, in no particular order. */
    public List<Unit> all() {
        return jdbc.query("SELECT unit_code, unit_name, parent_code, unit_type, team_kind FROM units",
                (rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** The name of a unit, or its code when it is not loaded. */
    public String nameOf(String unitCode) {
        return jdbc.queryForList("SELECT unit_name FROM units WHERE unit_code = ?", String.class, unitCode).stream()
                .findFirst().orElse(unitCode);
    }

    /** Those of the given codes that name a loaded unit. */
    public Set<String> loaded(Collection<String> unitCodes) {
        return new HashSet<>(named.queryForList("SELECT unit_code FROM units WHERE unit_code IN (:units)",
                new MapSqlParameterSource("units", unitCodes), String.class));
    }
}
