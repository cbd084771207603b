package org.jicha.reports;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Names, types and parents of the loaded units, read once per report. */
@Component
class UnitDirectory {

    record Unit(String code, String name, String parent, String type, String teamKind) {
    }

    private final JdbcTemplate jdbc;

    UnitDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Unit> read() {
        Map<String, Unit> units = new HashMap<>();
        jdbc.query("SELECT unit_code, unit_name, parent_code, unit_type, team_kind FROM units", rs -> {
            units.put(rs.getString(1), new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)));
        });
        return units;
    }
}
