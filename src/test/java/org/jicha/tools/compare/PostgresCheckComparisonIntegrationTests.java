package org.jicha.tools.compare;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.jicha.ingest.BatchLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SQL-only checks are portable: on the local PostgreSQL (as {@code PostgresPipelineIntegrationTests}, in a
 * schema of its own made anew for each run) the three ways agree on the generated batch and find what was planted.
 */
@ActiveProfiles("postgres")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresCheckComparisonIntegrationTests.SCHEMA + "&reWriteBatchedInserts=true",
            "spring.datasource.username=postgres",
            "spring.flyway.schemas=" + PostgresCheckComparisonIntegrationTests.SCHEMA,
            "spring.quartz.auto-startup=false"
        })
class PostgresCheckComparisonIntegrationTests {

    static final String SCHEMA = "jicha_compare_it";

    @Autowired
    BatchLoader loader;

    @Autowired
    CheckComparison comparison;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void onPostgresTheThreeWaysFindExactlyWhatWasPlanted() throws Exception {
        // freshly loaded tables have no statistics until autovacuum comes by: without ANALYZE the planner nests
        // loops over the readings and the SQL checks take 15 s instead of 0.3 s (the loader does not ANALYZE yet)
        CheckComparisonIntegrationTests.generateLoadAndCompare(
                loader, comparison, dir, "PostgreSQL", () -> jdbc.execute("ANALYZE"));
    }
}
