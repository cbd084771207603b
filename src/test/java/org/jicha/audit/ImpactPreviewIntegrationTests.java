package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.FileSystemUtils;

/**
 * Candidate rule sets uploaded into the server's candidates area and previewed on the stored data by their
 * id: a changed threshold and a removed rule file show the subjects that change, with names and evidence, a page
 * at a time; a broken candidate or one that runs a command is kept with its problems and its preview refused; a
 * preview never compiles a path a client names; an unsafe zip writes nothing; only auditors upload; a candidate is
 * put in force only by an auditor, only when it compiled and the rules in force are still those it was uploaded
 * over; every step goes to the audit trail. The rules in force are a copy of rules/ in a folder of this class,
 * put back after each test.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:preview;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.rules.watch=false",
            "jicha.rules.candidates.max-files=60",
            "jicha.rules.candidates.max-extracted-size=2MB",
            "jicha.rules.candidates.keep=3"
        })
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class ImpactPreviewIntegrationTests {

    private static final Path SHIPPED = Path.of("rules");

    @TempDir
    static Path area;

    @TempDir
    static Path rulesInForce;

    @TempDir
    Path tmp;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void candidatesArea(DynamicPropertyRegistry registry) throws IOException {
        registry.add(
                "jicha.rules.candidates.dir", () -> area.resolve("candidates").toString());
        copyShippedRulesInForce();
        registry.add("jicha.rules.dir", () -> rulesInForce.toString());
    }

    /** Puts the shipped rules back in force when a test changed them. */
    @AfterEach
    void shippedRulesInForce() throws Exception {
        if (!RuleSetLoader.contentHash(rulesInForce).equals(RuleSetLoader.contentHash(SHIPPED))) {
            copyShippedRulesInForce();
        }
        mvc.perform(post("/api/rules/reload").with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/rules")).andExpect(jsonPath("$.contentHash").value(RuleSetLoader.contentHash(SHIPPED)));
    }

    private static void copyShippedRulesInForce() throws IOException {
        FileSystemUtils.deleteRecursively(rulesInForce);
        FileSystemUtils.copyRecursively(SHIPPED, rulesInForce);
    }

    @BeforeEach
    void world() {
        // M001's last real read is 2026-10-03 (33 days before the as-of date); M002 is past its rotation date
        StoredWorld.reset(jdbc)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700);
        jdbc.update("DELETE FROM rule_candidates");
        jdbc.update("DELETE FROM audit_trail");
    }

    @Test
    void thePreviewOfAnUploadedCandidateListsExactlyTheSubjectsThatChangeAndRecordsNoRun() throws Exception {
        Path candidate = copyOfShippedRules();
        Path parameters = candidate.resolve("parameters.yml");
        String text = Files.readString(parameters, StandardCharsets.UTF_8);
        assertThat(text).contains("maxDaysSinceActualRead: 60");
        Files.writeString(
                parameters,
                text.replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20"),
                StandardCharsets.UTF_8);
        Files.delete(candidate.resolve("met/metering.drl"));
        String hash = RuleSetLoader.contentHash(candidate);

        String id = JsonPath.read(
                upload("candidate.zip", zipOf(candidate))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.outcome").value("COMPILED"))
                        .andExpect(jsonPath("$.contentHash").value(hash))
                        .andExpect(jsonPath("$.uploadedBy").value("auditor"))
                        .andExpect(jsonPath("$.files").value(org.hamcrest.Matchers.hasItem("bil/reading.drl")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        mvc.perform(post("/api/rules/preview")
                        .with(csrf())
                        .param("candidate", id)
                        .param("asOf", "2026-11-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auditedPeriod").value("2026-10"))
                .andExpect(jsonPath("$.candidateHash").value(hash))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-02')].newlyFlagged[0]")
                        .value("METER:M001@2026-10"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-02')].noLongerFlaggedCount")
                        .value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].findingsCurrent")
                        .value(1))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].findingsCandidate")
                        .value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].noLongerFlagged[0]")
                        .value("METER:M002"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-01')].newlyFlaggedCount")
                        .value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-01')].findingsCandidate")
                        .value(1));
        long stored = jdbc.queryForObject("SELECT MAX(id) FROM audit_previews WHERE candidate_id = ?", Long.class, id);
        mvc.perform(get("/api/rules/previews/" + stored + "/subjects").param("change", "GONE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].ruleCode").value("MET-06"))
                .andExpect(jsonPath("$.content[0].subjectId").value("M002"))
                .andExpect(jsonPath("$.content[0].customerNo").value("C002"))
                .andExpect(jsonPath("$.content[0].customerName").value("张三"))
                .andExpect(jsonPath("$.content[0].message").value(containsString("M002")));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isZero();
        assertThat(trail("RULE_CANDIDATE_UPLOADED")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("ACTOR", "auditor").containsEntry("TARGET", "rule-candidate:" + id);
            assertThat((String) e.get("DETAIL")).contains("hash=" + hash, "outcome=COMPILED", "candidate.zip");
        });
        assertThat(trail("RULES_PREVIEW")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("ACTOR", "auditor").containsEntry("TARGET", "rule-candidate:" + id);
            assertThat((String) e.get("DETAIL")).contains("hash=" + hash, "asOf=2026-11-05", "outcome=OK");
        });
    }

    @Test
    void aBrokenCandidateIsKeptWithItsFileAndLineAndItsPreviewIsRejected() throws Exception {
        Path candidate = copyOfShippedRules();
        Files.writeString(
                candidate.resolve("bil/zz-broken.drl"),
                "package jicha.bil;\nrule \"X\"\nwhen\n  $x : NoSuchFact()\nthen\nend\n",
                StandardCharsets.UTF_8);

        String id = JsonPath.read(
                upload("broken.zip", zipOf(candidate))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.outcome").value("REJECTED"))
                        .andExpect(jsonPath("$.problems[0]").value(containsString("bil/zz-broken.drl:4")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", id))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]").value(containsString("bil/zz-broken.drl:4")));
        assertThat(trail("RULES_PREVIEW")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("ACTOR", "auditor").containsEntry("TARGET", "rule-candidate:" + id);
            assertThat((String) e.get("DETAIL"))
                    .contains("hash=" + RuleSetLoader.contentHash(candidate), "outcome=REJECTED");
        });
    }

    @Test
    void aSingleRuleFileWhoseConsequenceRunsACommandIsRejectedAtUpload() throws Exception {
        Path ran = tmp.resolve("ran");
        byte[] drl = """
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
                """.formatted(ran).getBytes(StandardCharsets.UTF_8);

        String body = mvc.perform(multipart("/api/rules/candidates")
                        .with(csrf())
                        .file(new MockMultipartFile("files", "zz-command.drl", "text/plain", drl)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.baseHash").value(RuleSetLoader.contentHash(SHIPPED)))
                .andExpect(jsonPath("$.files").value(org.hamcrest.Matchers.hasItem("zz-command.drl")))
                .andExpect(jsonPath("$.problems[0]").value(containsString("zz-command.drl:4: rule \"BIL-99 command\"")))
                .andExpect(jsonPath("$.problems[0]").value(containsString("java.lang.Runtime.exec")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", (String) JsonPath.read(body, "$.id")))
                .andExpect(status().isUnprocessableContent());
        assertThat(ran).doesNotExist();
        assertThat((String) trail("RULE_CANDIDATE_UPLOADED").get(0).get("DETAIL"))
                .contains("outcome=REJECTED", "zz-command.drl", "over=" + RuleSetLoader.contentHash(SHIPPED));
    }

    @Test
    void aPreviewNamesACandidateByIdOnlyAndNeverCompilesAPath() throws Exception {
        Path validFolder = copyOfShippedRules();

        for (String path : List.of("/", "archive/_failed/x", validFolder.toString(), "../rules", "not-an-id")) {
            mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", path))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", "0b6a7c1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c"))
                .andExpect(status().isNotFound());

        assertThat(trail("RULES_PREVIEW"))
                .hasSize(6)
                .allSatisfy(e -> assertThat((String) e.get("DETAIL")).contains("outcome=REFUSED"));
    }

    @Test
    void aZipThatWouldWriteOutsideItsFolderIsRefusedWithNothingWritten() throws Exception {
        List<Path> before = areaContent();
        // a backslash is a Windows zip tool's folder separator: "..\\x.drl" is read as "../x.drl"
        Map<String, String> named = Map.of(
                "../x.drl",
                "../x.drl",
                "/tmp/x.drl",
                "/tmp/x.drl",
                "bil/../../x.drl",
                "bil/../../x.drl",
                "..\\x.drl",
                "../x.drl",
                "run.sh",
                "run.sh",
                ".hidden.drl",
                ".hidden.drl");
        for (Map.Entry<String, String> entry : named.entrySet()) {
            upload("evil.zip", zip(Map.of("parameters.yml", "A: 1\n", entry.getKey(), "package x;\n")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString(entry.getValue())));
        }
        ByteArrayOutputStream link = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(link)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("bil/link.drl");
            entry.setUnixMode(0120777);
            out.putArchiveEntry(entry);
            out.write("/etc/passwd".getBytes(StandardCharsets.US_ASCII));
            out.closeArchiveEntry();
        }
        upload("link.zip", link.toByteArray())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("symbolic link")));

        assertThat(tmp.resolve("x.drl")).doesNotExist();
        assertThat(area.resolve("x.drl")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_candidates", Long.class))
                .isZero();
        assertThat(areaContent()).as("nothing of a refused upload stays").isEqualTo(before);
        assertThat(trail("RULE_CANDIDATE_REFUSED"))
                .hasSize(7)
                .allSatisfy(e -> assertThat(e).containsEntry("ACTOR", "auditor"));
    }

    @Test
    void tooManyEntriesOrTooManyBytesAreRefusedWith413() throws Exception {
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 61; i++) {
            many.put("bil/r" + i + ".drl", "package x;\n");
        }
        upload("many.zip", zip(many))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("60")));
        upload("bomb.zip", zip(Map.of("parameters.yml", "0".repeat(3 * 1024 * 1024))))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("parameters.yml")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_candidates", Long.class))
                .isZero();
    }

    @Test
    void aTeamOrASupervisorCannotUploadACandidate() throws Exception {
        byte[] zip = zip(Map.of("parameters.yml", "A: 1\n"));
        mvc.perform(multipart("/api/rules/candidates")
                        .with(csrf())
                        .with(user("sup").roles("SUPERVISOR"))
                        .file(new MockMultipartFile("files", "c.zip", "application/zip", zip)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/rules/candidates")
                        .with(csrf())
                        .with(user("st1r").roles("TEAM"))
                        .file(new MockMultipartFile("files", "c.zip", "application/zip", zip)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/rules/preview")
                        .with(csrf())
                        .with(user("st1r").roles("TEAM"))
                        .param("candidate", "0b6a7c1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_candidates", Long.class))
                .isZero();
    }

    @Test
    void candidatesAreListedReadDeletedAndTheOldestBeyondTheKeptNumberRemoved() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(JsonPath.read(
                    upload("c" + i + ".zip", zip(Map.of("parameters.yml", "A: " + i + "\n")))
                            .andExpect(status().isCreated())
                            .andExpect(jsonPath("$.outcome").value("REJECTED"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.id"));
        }

        mvc.perform(get("/api/rules/candidates"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].id").value(ids.get(3)))
                .andExpect(jsonPath("$[2].id").value(ids.get(1)));
        mvc.perform(get("/api/rules/candidates/" + ids.get(0))).andExpect(status().isNotFound());
        assertThat(area.resolve("candidates").resolve(ids.get(0))).doesNotExist();
        assertThat(trail("RULE_CANDIDATE_EXPIRED"))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("TARGET", "rule-candidate:" + ids.get(0)));

        mvc.perform(get("/api/rules/candidates/" + ids.get(2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uploadedFiles[0]").value("c2.zip"));
        mvc.perform(delete("/api/rules/candidates/" + ids.get(2)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/rules/candidates/" + ids.get(2))).andExpect(status().isNotFound());
        assertThat(area.resolve("candidates").resolve(ids.get(2))).doesNotExist();
        assertThat(trail("RULE_CANDIDATE_DELETED"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("ACTOR", "auditor")
                        .containsEntry("TARGET", "rule-candidate:" + ids.get(2)));
        mvc.perform(get("/api/rules/candidates/etc")).andExpect(status().isBadRequest());
    }

    @Test
    void aChangedThresholdGoesFromUploadToPreviewToPromotionAndIsRecorded() throws Exception {
        byte[] parameters = Files.readString(SHIPPED.resolve("parameters.yml"), StandardCharsets.UTF_8)
                .replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20")
                .getBytes(StandardCharsets.UTF_8);
        String shipped = RuleSetLoader.contentHash(SHIPPED);
        String id = JsonPath.read(
                uploadFile("parameters.yml", parameters)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.outcome").value("COMPILED"))
                        .andExpect(jsonPath("$.baseHash").value(shipped))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        String report = mvc.perform(post("/api/rules/preview")
                        .with(csrf())
                        .param("candidate", id)
                        .param("asOf", "2026-11-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-02')].newlyFlaggedCount")
                        .value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long previewId = ((Number) JsonPath.read(report, "$.previewId")).longValue();
        mvc.perform(get("/api/rules/previews/" + previewId + "/subjects")
                        .param("change", "NEW")
                        .param("rule", "BIL-02")
                        .param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].change").value("NEW"))
                .andExpect(jsonPath("$.content[0].subjectType").value("METER"))
                .andExpect(jsonPath("$.content[0].subjectId").value("M001"))
                .andExpect(jsonPath("$.content[0].customerName").value("张三"))
                .andExpect(jsonPath("$.content[0].message").value(containsString("限 20 天")));
        mvc.perform(get("/api/rules/previews/" + previewId + "/subjects").param("change", "GONE"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/rules/previews/999999/subjects")).andExpect(status().isNotFound());

        mvc.perform(post("/api/rules/candidates/" + id + "/promote").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("reason")));
        mvc.perform(post("/api/rules/candidates/" + id + "/promote")
                        .with(csrf())
                        .param("reason", "省公司通知：实抄间隔从 60 天收紧到 20 天"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousHash").value(shipped))
                .andExpect(jsonPath("$.attempt.outcome").value("ACTIVATED"))
                .andExpect(jsonPath("$.attempt.trigger").value("PROMOTE"))
                .andExpect(jsonPath("$.written[0]").value("parameters.yml " + sha256(parameters)))
                .andExpect(jsonPath("$.candidate.promotedBy").value("auditor"));

        String candidateHash = JsonPath.read(
                mvc.perform(get("/api/rules/candidates/" + id))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.contentHash");
        mvc.perform(get("/api/rules"))
                .andExpect(jsonPath("$.contentHash").value(candidateHash))
                .andExpect(jsonPath("$.parameters['BIL-02.maxDaysSinceActualRead']")
                        .value(20));
        assertThat(Files.readAllBytes(rulesInForce.resolve("parameters.yml"))).isEqualTo(parameters);
        assertThat(RuleSetLoader.contentHash(rulesInForce)).isEqualTo(candidateHash);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rule_set_versions WHERE content_hash = ?", Long.class, candidateHash))
                .isOne();
        assertThat(area.resolve("candidates/.promoted"))
                .isDirectoryRecursivelyContaining(p -> p.endsWith("previous/parameters.yml")
                        && readUnchecked(p).contains("maxDaysSinceActualRead: 60"));
        assertThat(trail("RULES_PROMOTED")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("ACTOR", "auditor").containsEntry("TARGET", "rule-candidate:" + id);
            assertThat((String) e.get("DETAIL"))
                    .contains(
                            "hash=" + candidateHash,
                            "replaced=" + shipped,
                            "parameters.yml " + sha256(parameters),
                            "reason=省公司通知");
        });
    }

    @Test
    void aTeamCannotPromoteNorACandidateThatDoesNotCompileNorOneWhoseBaseChanged() throws Exception {
        String shipped = RuleSetLoader.contentHash(SHIPPED);
        String text = Files.readString(SHIPPED.resolve("parameters.yml"), StandardCharsets.UTF_8);
        String first = uploadedId(uploadFile(
                "parameters.yml",
                text.replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20")
                        .getBytes(StandardCharsets.UTF_8)));
        String second = uploadedId(uploadFile(
                "parameters.yml",
                text.replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 30")
                        .getBytes(StandardCharsets.UTF_8)));
        String broken = uploadedId(uploadFile(
                "zz-broken.drl",
                "package jicha.bil;\nrule \"X\"\nwhen\n  $x : NoSuchFact()\nthen\nend\n"
                        .getBytes(StandardCharsets.UTF_8)));

        for (String role : List.of("TEAM", "SUPERVISOR")) {
            mvc.perform(post("/api/rules/candidates/" + first + "/promote")
                            .with(csrf())
                            .with(user("someone").roles(role))
                            .param("reason", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/rules/candidates/" + first + "/promote")
                            .with(csrf())
                            .with(user("someone").roles(role))
                            .param("reason", "x")
                            .param("confirm", "yes"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/rules/candidates/" + broken + "/promote")
                        .with(csrf())
                        .param("reason", "试一下"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("did not compile")));
        assertThat(RuleSetLoader.contentHash(rulesInForce)).isEqualTo(shipped);
        assertThat(rulesInForce.resolve("zz-broken.drl")).doesNotExist();

        mvc.perform(post("/api/rules/candidates/" + first + "/promote")
                        .with(csrf())
                        .param("reason", "收紧到 20 天"))
                .andExpect(status().isOk());
        String inForce = RuleSetLoader.contentHash(rulesInForce);
        mvc.perform(post("/api/rules/candidates/" + second + "/promote")
                        .with(csrf())
                        .param("reason", "改成 30 天"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("changed since the candidate was uploaded")));
        mvc.perform(post("/api/rules/candidates/" + first + "/promote")
                        .with(csrf())
                        .param("reason", "再来一次"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already")));
        assertThat(RuleSetLoader.contentHash(rulesInForce)).isEqualTo(inForce);
        assertThat(Files.readString(rulesInForce.resolve("parameters.yml"), StandardCharsets.UTF_8))
                .contains("maxDaysSinceActualRead: 20");
        assertThat(trail("RULES_PROMOTED")).hasSize(1);
        assertThat(trail("RULES_PROMOTION_REFUSED"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e).containsEntry("ACTOR", "auditor"));
    }

    private ResultActions uploadFile(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/rules/candidates")
                .with(csrf())
                .file(new MockMultipartFile("files", name, "application/octet-stream", content)));
    }

    private static String uploadedId(ResultActions upload) throws Exception {
        return JsonPath.read(
                upload.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> areaContent() throws IOException {
        Path candidates = Files.createDirectories(area.resolve("candidates"));
        try (Stream<Path> all = Files.walk(candidates)) {
            return all.sorted().toList();
        }
    }

    private ResultActions upload(String name, byte[] zip) throws Exception {
        return mvc.perform(multipart("/api/rules/candidates")
                .with(csrf())
                .file(new MockMultipartFile("files", name, "application/zip", zip)));
    }

    private List<Map<String, Object>> trail(String action) {
        return jdbc.queryForList("SELECT actor, target, detail FROM audit_trail WHERE action = ? ORDER BY id", action);
    }

    private Path copyOfShippedRules() throws IOException {
        Path copy = tmp.resolve("rules-" + System.nanoTime());
        FileSystemUtils.copyRecursively(SHIPPED, copy);
        return copy;
    }

    private static byte[] zipOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
