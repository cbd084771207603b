package org.jicha.records;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The natural keys already stored, for the loader to resolve a file's references without one query per row. */
@Component
public class StoredKeys {

    private final JdbcTemplate jdbc;

    public StoredKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored unit code with its unit type. */
    public Map<String, String> unitTypes() {
        Map<String, String> types = new HashMap<>();
        jdbc.query("SELECT unit_code, unit_type FROM units", rs -> {
            types.put(rs.getString(1), rs.getString(2));
        });
        return types;
    }

    public Set<String> tariffCodes() {
        return keys("SELECT DISTINCT tariff_code FROM tariffs");
    }

    public Set<String> customerNos() {
        return keys("SELECT customer_no FROM customers");
    }

    public Set<String> meterIds() {
        return keys("SELECT meter_id FROM meters");
    }

    public Set<String> applicationNos() {
        return keys("SELECT app_no FROM applications");
    }

    private Set<String> keys(String query) {
        Set<String> keys = new HashSet<>();
        jdbc.query(query, rs -> {
            keys.add(rs.getString(1));
        });
        return keys;
    }

    /** How many customers are stored. */
    public long customerCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        return n == null ? 0 : n;
    }
}
