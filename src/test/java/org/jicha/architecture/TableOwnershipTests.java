package org.jicha.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module; the others ask it through its API. Spring Modulith sees Java dependencies, not
 * SQL, so this test reads the SQL in the product's sources: a statement that reads or writes a table ({@code FROM},
 * {@code JOIN}, {@code INTO}, {@code UPDATE}) must be in the module that owns it, or be one of the few statements
 * docs/ARCHITECTURE.md names as spanning two modules on purpose.
 */
class TableOwnershipTests {

    private static final Map<String, String> OWNER_BY_PREFIX = Map.ofEntries(
            Map.entry("units", "records"),
            Map.entry("staff", "records"),
            Map.entry("tariffs", "records"),
            Map.entry("customers", "records"),
            Map.entry("important_customers", "records"),
            Map.entry("meters", "records"),
            Map.entry("readings", "records"),
            Map.entry("bills", "records"),
            Map.entry("applications", "records"),
            Map.entry("application_steps", "records"),
            Map.entry("inspections", "records"),
            Map.entry("meter_events", "records"),
            Map.entry("load_", "ingest"),
            Map.entry("audit_run", "audit"),
            Map.entry("audit_recheck", "audit"),
            Map.entry("audit_preview", "audit"),
            Map.entry("findings", "audit"),
            Map.entry("inspection_tickets", "tickets"),
            Map.entry("ticket_", "tickets"),
            Map.entry("audit_plans", "plans"),
            Map.entry("app_users", "people"),
            Map.entry("audit_trail", "people"),
            Map.entry("sign_in_", "people"),
            Map.entry("mail_outbox", "notify"),
            Map.entry("report_archive", "reports"),
            Map.entry("rule_", "rules"),
            Map.entry("qrtz_", "schedule"));

    /** The statements that span two modules on purpose (docs/ARCHITECTURE.md): file -> tables it may read. */
    private static final Map<String, Set<String>> DOCUMENTED = Map.of(
            "reports/RatioQueries.java",
                    Set.of(
                            "findings",
                            "inspection_tickets",
                            "ticket_transitions",
                            "meters",
                            "readings",
                            "bills",
                            "customers",
                            "applications"),
            "reports/ReportRecords.java", Set.of("findings", "inspection_tickets", "customers"),
            "audit/RunHistory.java", Set.of("inspection_tickets"),
            "audit/FindingQueries.java", Set.of("inspection_tickets"),
            "records/RecordReader.java", Set.of("audit_run_candidates"));

    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");

    @Test
    void eachTableIsReadAndWrittenOnlyByTheModuleThatOwnsIt() throws IOException {
        Path root = Path.of("src/main/java/org/jicha");
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                if (module.equals("tools")) {
                    continue; // outside the product: the side-by-side SQL checks read the records on purpose
                }
                Matcher m = TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(1);
                    String owner = ownerOf(table);
                    if (owner == null || owner.equals(module)) {
                        continue;
                    }
                    if (DOCUMENTED.getOrDefault(relative, Set.of()).contains(table)) {
                        continue;
                    }
                    trespasses.add(relative + " uses " + table + " (owned by " + owner + ")");
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void seesATrespass() {
        Matcher m = TABLE.matcher("\"SELECT t.status FROM inspection_tickets t JOIN findings f ON ...\"");
        List<String> tables = new ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1));
        }
        assertThat(tables).containsExactly("inspection_tickets", "findings");
        assertThat(ownerOf("inspection_tickets")).isEqualTo("tickets");
        assertThat(ownerOf("load_rejections")).isEqualTo("ingest");
    }

    private static String ownerOf(String table) {
        return OWNER_BY_PREFIX.entrySet().stream()
                .filter(e -> table.equals(e.getKey()) || (e.getKey().endsWith("_") && table.startsWith(e.getKey())))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(OWNER_BY_PREFIX.keySet().stream()
                        .filter(k -> !k.endsWith("_") && table.startsWith(k))
                        .map(OWNER_BY_PREFIX::get)
                        .findFirst()
                        .orElse(null));
    }
}
