package org.jicha.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/** A changed threshold and a removed rule file, previewed on the stored data before they go live. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:preview;DB_CLOSE_DELAY=-1",
        "spring.quartz.auto-startup=false",
        "jicha.rules.watch=false"})
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class ImpactPreviewIntegrationTests {

    @TempDir
    Path tmp;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        // M001's last real read is 2026-10-03 (33 days before the as-of date); M002 is past its rotation date
        StoredWorld.reset(jdbc)
                .customer("C001").meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002").meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600).reading("M002", "2026-10", 600, 700);
    }

    @Test
    void thePreviewListsExactlyTheSubjectsThatChangeAndRecordsNothing() throws Exception {
        Path candidate = tmp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), candidate);
        Path parameters = candidate.resolve("parameters.yml");
        String text = Files.readString(parameters, StandardCharsets.UTF_8);
        Assertions.assertThat(text).contains("maxDaysSinceActualRead: 60");
        Files.writeString(parameters, text.replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20"),
                StandardCharsets.UTF_8);
        Files.delete(candidate.resolve("met/metering.drl"));

        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", candidate.toString()).param("asOf", "2026-11-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auditedPeriod").value("2026-10"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-02')].newlyFlagged[0]").value("METER:M001@2026-10"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-02')].noLongerFlaggedCount").value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].findingsCurrent").value(1))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].findingsCandidate").value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'MET-06')].noLongerFlagged[0]").value("METER:M002"))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-01')].newlyFlaggedCount").value(0))
                .andExpect(jsonPath("$.rules[?(@.ruleCode == 'BIL-01')].findingsCandidate").value(1));

        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs", Long.class)).isZero();
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings", Long.class)).isZero();
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class)).isZero();
    }

    @Test
    void aBrokenCandidateIsRejectedWithItsFileAndLine() throws Exception {
        Path candidate = tmp.resolve("broken");
        FileSystemUtils.copyRecursively(Path.of("rules"), candidate);
        Files.writeString(candidate.resolve("bil/zz-broken.drl"), "package jicha.bil;\nrule \"X\"\nwhen\n  $x : NoSuchFact()\nthen\nend\n",
                StandardCharsets.UTF_8);

        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", candidate.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]").value(containsString("bil/zz-broken.drl:4")));
        mvc.perform(post("/api/rules/preview").with(csrf()).param("candidate", tmp.resolve("nowhere").toString()))
                .andExpect(status().isBadRequest());
    }
}
