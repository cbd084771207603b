package org.jicha.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the tables the loader writes, so that each test starts from nothing. */
final class Database {

    private static final String[] TABLES = {
        "load_rejections",
        "load_files",
        "load_ignored",
        "load_batches",
        "meter_events",
        "inspections",
        "application_steps",
        "applications",
        "bills",
        "readings",
        "meters",
        "important_customers",
        "customers",
        "tariffs",
        "staff",
        "units"
    };

    private Database() {}

    static void clean(JdbcTemplate jdbc) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
