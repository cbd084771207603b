package org.jicha.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.JichaApplication;
import org.jicha.tools.bench.Benchmark;
import org.jicha.tools.bench.BenchmarkReport;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code bench} command: a fresh database (H2: a file database in a new temporary folder, the embedded default's
 * kind, the {@code audit} command's {@link ScratchDatabase}; PostgreSQL: a schema dropped and made anew), a non-web
 * context on it without scheduler, watcher, first administrator or sample data, then {@link Benchmark}. Prints the
 * report, appends its CSV rows to {@code --out}, exits 1 when the figures are not consistent (the three ways disagree,
 * rows missing, ...).
 */
final class CliBench {

    static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=jicha_bench&reWriteBatchedInserts=true";
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z_][A-Za-z0-9_]*)");

    private final Path data;
    private final String db;
    private final String dbUrl;
    private final String dbUser;
    private final LocalDate asOf;
    private final int repetitions;
    private final Path outCsv;
    private final Path rules;

    CliBench(
            Path data,
            String db,
            String dbUrl,
            String dbUser,
            LocalDate asOf,
            int repetitions,
            Path outCsv,
            Path rules) {
        this.data = data;
        this.db = db;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.asOf = asOf;
        this.repetitions = repetitions;
        this.outCsv = outCsv;
        this.rules = rules;
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                "--spring.quartz.auto-startup=false",
                "--jicha.rules.dir=" + rules,
                "--jicha.rules.watch=false",
                "--jicha.security.bootstrap-admin=false",
                "--jicha.bootstrap.sample-data=",
                "--logging.level.root=WARN",
                "--logging.level.org.jicha=WARN",
                "--logging.level.org.flywaydb=ERROR",
                "--logging.level.com.zaxxer.hikari=ERROR", // "thread starvation" on a loaded machine: not a result
                "--logging.level.org.drools.mvel.MVELConstraint=ERROR"));
        SpringApplication app = new SpringApplication(JichaApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        ScratchDatabase h2 = null;
        if (db.equals("postgres")) {
            String url = dbUrl != null ? dbUrl : DEFAULT_POSTGRES_URL;
            String schema = freshSchema(url, dbUser);
            properties.add("--spring.profiles.active=postgres");
            properties.add("--spring.datasource.url=" + url);
            properties.add("--spring.datasource.username=" + dbUser);
            properties.add("--spring.datasource.password=");
            properties.add("--spring.flyway.schemas=" + schema);
        } else if (dbUrl != null) {
            properties.add("--spring.datasource.url=" + dbUrl);
        } else {
            h2 = ScratchDatabase.temporary("jicha-bench-h2");
            h2.closesContextOf(app);
            properties.add("--spring.datasource.url=" + h2.url());
        }
        try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
            BenchmarkReport report = context.getBean(Benchmark.class).run(data, asOf, repetitions);
            out.print(report.markdown());
            out.flush();
            if (outCsv != null) {
                append(report.csvRows(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
                out.printf("%nrows appended to %s%n", outCsv);
            }
            if (!report.problems().isEmpty()) {
                err.println("错误 / error: the figures are not consistent: " + String.join("; ", report.problems()));
                return JichaCli.FAILURE;
            }
            return JichaCli.OK;
        } finally {
            if (h2 != null) {
                h2.close();
            }
        }
    }

    /** Drops the URL's {@code currentSchema} (default {@code jicha_bench}) with everything in it; Flyway makes it anew. */
    static String freshSchema(String url, String user) {
        Matcher m = CURRENT_SCHEMA.matcher(url);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "--db-url " + url + ": name the schema to make anew with ?currentSchema=NAME");
        }
        String schema = m.group(1);
        if (schema.equalsIgnoreCase("public")) {
            throw new IllegalArgumentException(
                    "--db-url " + url + ": the benchmark drops its schema; use one of its own, not public");
        }
        String server = url.substring(0, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(server, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot drop schema " + schema + " at " + server + ": " + e.getMessage(), e);
        }
        return schema;
    }

    private void append(List<String> rows) throws IOException {
        boolean header = !Files.exists(outCsv) || Files.size(outCsv) == 0;
        List<String> lines = new ArrayList<>();
        if (header) {
            lines.add(BenchmarkReport.CSV_HEADER);
        }
        lines.addAll(rows);
        Files.write(outCsv, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
