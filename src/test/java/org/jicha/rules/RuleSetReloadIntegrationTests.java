package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The server watches a copy of rules/ and reloads it: a valid change is activated as a new version, a
 * broken one is rejected with file and line while the set in force stays, and a forced reload activates a
 * fixed folder. Every test starts from the shipped rules in force and puts them back afterwards.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:rules-reload;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.rules.watch=true",
            // long enough that a forced reload right after a write always comes before the watcher's
            "jicha.rules.reload-debounce=2s"
        })
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
@DirtiesContext
class RuleSetReloadIntegrationTests {

    private static final Path SHIPPED = Path.of("rules");
    private static final String BROKEN_FILE = "bil/zz-broken.drl";
    /** Generous: compiling the whole rule set takes a minute on a loaded two-core machine. */
    private static final Duration AT_MOST = Duration.ofSeconds(90);

    @TempDir
    static Path rules;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String shippedHash;
    private long lastAttemptId;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) throws IOException {
        copyShippedRules();
        registry.add("jicha.rules.dir", () -> rules.toString());
    }

    @BeforeEach
    void shippedRulesInForce() throws Exception {
        DocumentContext active = active();
        shippedHash = active.read("$.version.contentHash");
        assertThat(shippedHash).isEqualTo(RuleSetLoader.contentHash(SHIPPED));
        lastAttemptId = ((Number) active.read("$.lastAttempt.id")).longValue();
    }

    @AfterEach
    void putShippedRulesBack() throws Exception {
        copyShippedRules();
        mvc.perform(post("/api/rules/reload").with(csrf())).andExpect(status().isOk());
        assertThat((String) active().read("$.version.contentHash")).isEqualTo(shippedHash);
    }

    @Test
    void editingAParameterActivatesANewVersionThatTheNextRunNames() throws Exception {
        edit(RuleSetLoader.PARAMETERS_FILE, "minPeriodsBelowHv: 3", "minPeriodsBelowHv: 2");

        DocumentContext attempt = awaitAttempt(ReloadOutcome.ACTIVATED);
        String newHash = attempt.read("$.contentHash");
        assertThat(newHash).isNotEqualTo(shippedHash).isEqualTo(RuleSetLoader.contentHash(rules));
        assertThat((String) attempt.read("$.trigger")).isEqualTo("WATCH");
        mvc.perform(get("/api/rules/active"))
                .andExpect(jsonPath("$.version.contentHash").value(newHash))
                .andExpect(jsonPath("$.version.id").value(((Number) attempt.read("$.versionId")).intValue()))
                .andExpect(jsonPath("$.version.files").value(hasItem("bil/reading.drl")))
                .andExpect(jsonPath("$.version.ruleCount").value(catalogueSize()));
        mvc.perform(get("/api/rules"))
                .andExpect(jsonPath("$.contentHash").value(newHash))
                .andExpect(jsonPath("$.parameters['BIL-06.minPeriodsBelowHv']").value(2));

        String run = mvc.perform(post("/api/runs").with(csrf()).param("asOf", "2026-11-05"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(run, "$.ruleSetHash")).isEqualTo(newHash);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rule_set_versions WHERE content_hash = ?", Integer.class, newHash))
                .isEqualTo(1);
    }

    @Test
    void aBrokenRuleFileIsRejectedWithFileAndLineAndTheSetInForceStays() throws Exception {
        writeBrokenRuleFile();
        int line = lineOf(BROKEN_FILE, "inService == )");

        DocumentContext attempt = awaitAttempt(ReloadOutcome.REJECTED);
        List<String> messages = attempt.read("$.messages");
        assertThat(messages).isNotEmpty().anySatisfy(m -> assertThat(m).startsWith(BROKEN_FILE + ":" + line + ":"));
        assertThat((String) attempt.read("$.contentHash")).isEqualTo(RuleSetLoader.contentHash(rules));
        mvc.perform(get("/api/rules/active").with(user("auditor").roles("AUDITOR")))
                .andExpect(jsonPath("$.version.contentHash").value(shippedHash));
        mvc.perform(get("/api/rules")).andExpect(jsonPath("$.contentHash").value(shippedHash));
    }

    @Test
    void aParameterTypoIsRejectedByTheWatcherAndTheApiNamingItsLineAndTheSetInForceStays() throws Exception {
        edit(RuleSetLoader.PARAMETERS_FILE, "toleranceKwh: 1 ", "toleranceKwh: 一 ");
        String at =
                RuleSetLoader.PARAMETERS_FILE + ":" + lineOf(RuleSetLoader.PARAMETERS_FILE, "toleranceKwh: 一") + ": ";

        List<String> messages = awaitAttempt(ReloadOutcome.REJECTED).read("$.messages");
        assertThat(messages)
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .startsWith(at)
                        .contains("BIL-04.toleranceKwh", "应为数值", "must be a number", "\"一\"", "bil/consumption.drl:"));
        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.attempt.messages[0]").value(startsWith(at)))
                .andExpect(jsonPath("$.activeContentHash").value(shippedHash));
        mvc.perform(get("/api/rules"))
                .andExpect(jsonPath("$.contentHash").value(shippedHash))
                .andExpect(jsonPath("$.parameters['BIL-04.toleranceKwh']").value(1));
    }

    @Test
    void aRuleThatRunsACommandIsRejectedAtReloadTheSetInForceStaysAndTheTrailNamesActorAndHash() throws Exception {
        Path ran = rules.getParent().resolve("ran-" + System.nanoTime());
        Files.writeString(rules.resolve("bil/zz-command.drl"), """
                package jicha.bil;
                import org.jicha.facts.CustomerFact;
                global org.jicha.rules.FindingCollector findings;
                rule "BIL-99 command"
                    @code("BIL-99") @theme("BIL") @title("命令") @titleEn("Command") @severity("MINOR")
                    @teamKind("BILLING") @rectifyDays(3) @basis("无") @remedy("无")
                when
                    $c : CustomerFact()
                then
                    Runtime.getRuntime().exec(new String[] {"touch", "%s"});
                end
                """.formatted(ran), StandardCharsets.UTF_8);
        String tried = RuleSetLoader.contentHash(rules);
        awaitAttempt(ReloadOutcome.REJECTED);

        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.attempt.messages[0]")
                        .value(startsWith("bil/zz-command.drl:4: rule \"BIL-99 command\"")))
                .andExpect(jsonPath("$.attempt.messages[0]").value(containsString("java.lang.Runtime.exec")))
                .andExpect(jsonPath("$.activeContentHash").value(shippedHash));

        mvc.perform(get("/api/rules")).andExpect(jsonPath("$.contentHash").value(shippedHash));
        assertThat(ran).doesNotExist();
        List<Map<String, Object>> trail = jdbc.queryForList(
                "SELECT actor, target, detail FROM audit_trail WHERE action = 'RULES_RELOAD' AND target = ? ORDER BY id",
                tried);
        assertThat(trail).extracting(e -> e.get("ACTOR")).contains("system", "auditor");
        assertThat(trail).last().satisfies(e -> {
            assertThat(e.get("ACTOR")).isEqualTo("auditor");
            assertThat((String) e.get("DETAIL"))
                    .startsWith("API REJECTED (in force: " + shippedHash + ")")
                    .contains("java.lang.Runtime.exec");
        });
    }

    @Test
    void aForcedReloadAfterTheFixActivatesTheWaitingChange() throws Exception {
        edit(RuleSetLoader.PARAMETERS_FILE, "minPeriodsBelowHv: 3", "minPeriodsBelowHv: 2");
        writeBrokenRuleFile();
        awaitAttempt(ReloadOutcome.REJECTED);

        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.attempt.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.attempt.messages[0]").value(startsWith(BROKEN_FILE + ":")))
                .andExpect(jsonPath("$.activeContentHash").value(shippedHash));

        Files.delete(rules.resolve(BROKEN_FILE));
        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ACTIVATED"))
                .andExpect(jsonPath("$.trigger").value("API"))
                .andExpect(jsonPath("$.contentHash").value(RuleSetLoader.contentHash(rules)))
                .andExpect(jsonPath("$.messages").isEmpty());
        mvc.perform(get("/api/rules"))
                .andExpect(jsonPath("$.parameters['BIL-06.minPeriodsBelowHv']").value(2));
    }

    @Test
    void aForcedReloadOfAnUnchangedFolderSwapsNothing() throws Exception {
        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNCHANGED"))
                .andExpect(jsonPath("$.contentHash").value(shippedHash));
        mvc.perform(get("/api/rules/active"))
                .andExpect(jsonPath("$.version.contentHash").value(shippedHash))
                .andExpect(jsonPath("$.lastAttempt.outcome").value("UNCHANGED"));
    }

    @Test
    void reactivatingEarlierContentReusesItsVersionRow() throws Exception {
        long shippedVersion = ((Number) active().read("$.version.id")).longValue();
        edit(RuleSetLoader.PARAMETERS_FILE, "minPeriodsBelowHv: 3", "minPeriodsBelowHv: 2");
        String edited = awaitAttempt(ReloadOutcome.ACTIVATED).read("$.contentHash");

        copyShippedRules();
        mvc.perform(post("/api/rules/reload").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ACTIVATED"))
                .andExpect(jsonPath("$.versionId").value((int) shippedVersion));

        assertThat(jdbc.queryForList(
                        "SELECT content_hash FROM rule_set_versions WHERE content_hash IN (?, ?)",
                        String.class,
                        shippedHash,
                        edited))
                .containsExactlyInAnyOrder(shippedHash, edited);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rule_set_attempts WHERE outcome = 'ACTIVATED' " + "AND content_hash = ?",
                        Integer.class,
                        shippedHash))
                .isGreaterThanOrEqualTo(2);
    }

    /** Waits for an attempt newer than the one before the test to come out as {@code outcome}. */
    private DocumentContext awaitAttempt(ReloadOutcome outcome) {
        return await().atMost(AT_MOST)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Object attempt = active().read("$.lastAttempt");
                            return JsonPath.parse(attempt);
                        },
                        a -> ((Number) a.read("$.id")).longValue() > lastAttemptId
                                && outcome.name().equals(a.read("$.outcome")));
    }

    private int catalogueSize() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/rules")).andReturn().getResponse().getContentAsString(), "$.rules.length()");
    }

    private DocumentContext active() throws Exception {
        return JsonPath.parse(
                mvc.perform(get("/api/rules/active").with(user("auditor").roles("AUDITOR")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    private static void writeBrokenRuleFile() throws IOException {
        Files.writeString(rules.resolve(BROKEN_FILE), """
                package jicha.bil;

                import org.jicha.facts.MeterFact;

                rule "ZZ broken"
                when
                    $m : MeterFact( inService == )
                then
                end
                """, StandardCharsets.UTF_8);
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = read(file);
        assertThat(text).contains(from);
        Files.writeString(rules.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static String read(String file) {
        try {
            return Files.readString(rules.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** Makes the temp folder hold the shipped rules again: edited files rewritten, added files removed. */
    private static void copyShippedRules() throws IOException {
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path added : walk.filter(Files::isRegularFile)
                    .filter(p ->
                            !Files.exists(SHIPPED.resolve(rules.relativize(p).toString())))
                    .toList()) {
                Files.delete(added);
            }
        }
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            for (Path source : walk.toList()) {
                Path target = rules.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
