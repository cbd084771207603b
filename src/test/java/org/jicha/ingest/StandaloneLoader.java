package org.jicha.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.jicha.config.PeopleZone;
import org.jicha.ingest.internal.FileLoader;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.records.RecordWriter;
import org.jicha.records.StoredKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The real loader over a Hikari pool and a Flyway-migrated database, without a Spring context (which takes
 * minutes to start on a busy machine): for the PostgreSQL loader tests and the load benchmark.
 */
final class StandaloneLoader implements AutoCloseable {

    private final HikariDataSource dataSource = new HikariDataSource();
    private final JdbcTemplate jdbc;
    private final BatchLoader loader;

    /** PostgreSQL on 127.0.0.1:5432, database test, user postgres, in the given schema (created by Flyway). */
    static StandaloneLoader onPostgres(String schema) {
        return new StandaloneLoader("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, schema);
    }

    static StandaloneLoader on(String url) {
        return url.startsWith("jdbc:postgresql:")
                ? new StandaloneLoader(url, url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1"))
                : new StandaloneLoader(url, null);
    }

    private StandaloneLoader(String url, String postgresSchema) {
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(postgresSchema != null ? "postgres" : "sa");
        dataSource.setPassword("");
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + (postgresSchema != null ? "postgresql" : "h2"));
        if (postgresSchema != null) {
            flyway.schemas(postgresSchema);
        }
        flyway.load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        IngestProperties properties = IngestSettings.with(
                "inbox",
                "target/standalone/inbox",
                "archive",
                "target/standalone/archive",
                "failed",
                "target/standalone/failed");
        RecordWriter writer = new RecordWriter(jdbc);
        loader = new BatchLoader(
                new FileLoader(writer, new DataSourceTransactionManager(dataSource)),
                writer,
                new LoadRecordStore(JdbcClient.create(dataSource), jdbc),
                new StoredKeys(jdbc),
                properties,
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                new PeopleZone(ZoneId.of("Asia/Shanghai")));
    }

    BatchLoader loader() {
        return loader;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
