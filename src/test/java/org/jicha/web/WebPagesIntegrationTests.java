package org.jicha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jicha.people.UserAccounts;
import org.jicha.rules.RuleSetLoader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages over the audited sample batch: every page renders in Chinese and English with no untranslated
 * message, a team sees only its own units, nothing typed by a person is echoed unescaped, forms carry CSRF.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:webpages;DB_CLOSE_DELAY=-1",
            // Quartz keeps each scheduler's data source in one JVM-wide map by scheduler name: a context created
            // later under the same name would hand this one its data source (closed when that context closes)
            "spring.quartz.scheduler-name=webpages",
            "spring.quartz.auto-startup=false",
            "jicha.bootstrap.sample-data=sample-data",
            "jicha.bootstrap.as-of=2026-11-05",
            "jicha.ingest.inbox=target/webpages/inbox",
            "jicha.ingest.archive=target/webpages/archive",
            "jicha.ingest.failed=target/webpages/archive/_failed",
            "jicha.rules.candidates.dir=target/webpages/rule-candidates",
            "jicha.security.initial-admin-password=page-chief-pw"
        })
@AutoConfigureMockMvc
class WebPagesIntegrationTests {

    /** The ticket list's page size ({@code tickets.web.TicketPages.PAGE_SIZE}). */
    static final int TICKETS_PER_PAGE = 25;

    /** Thymeleaf's marker for a message key missing from the bundle, e.g. {@code ??nav.runs_en??}. */
    static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+_[A-Za-z_]+\\?\\?");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void users() {
        SampleWorld.users(accounts);
    }

    @Autowired
    UserDetailsService userDetails;

    /** Signed in as a session would be (no Authorization header), so CSRF applies to forms. */
    RequestPostProcessor as(String user) {
        return user(userDetails.loadUserByUsername(user));
    }

    String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long anyTicketOf(String station) {
        return jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE station_code = ?", Long.class, station);
    }

    @Test
    void everyPageRendersInChineseAndEnglishWithoutAMissingMessage() throws Exception {
        long run = jdbc.queryForObject("SELECT MAX(id) FROM audit_runs", Long.class);
        long load = jdbc.queryForObject("SELECT MAX(id) FROM load_batches", Long.class);
        String rule = jdbc.queryForObject("SELECT MIN(rule_code) FROM findings", String.class);
        long ticket = anyTicketOf("QC01");
        List<String> pages = List.of(
                "/",
                "/tickets",
                "/tickets?status=DISPATCHED&theme=BIL",
                "/tickets/" + ticket,
                "/runs",
                "/runs/" + run,
                "/runs/" + run + "?rule=" + rule + "&page=0",
                "/rules",
                "/rules/" + rule,
                "/loads",
                "/loads/" + load,
                "/plans",
                "/reports",
                "/reports?period=2026-10&unit=QC01&team=QC01RE");
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("zh-CN", "en")) {
            for (String url : pages) {
                String html = page("supervisor", url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
                if (MISSING_MESSAGE.matcher(html).find()) {
                    problems.add(lang + " " + url + ": " + firstMatch(html));
                }
                Document doc = Jsoup.parse(html);
                assertThat(doc.select("html").attr("lang")).as(url).isEqualTo(lang);
            }
            String login = mvc.perform(get("/login?lang=" + lang))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            if (MISSING_MESSAGE.matcher(login).find()) {
                problems.add(lang + " /login: " + firstMatch(login));
            }
            String notFound = mvc.perform(get("/tickets/999999999?lang=" + lang).with(as("supervisor")))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            if (MISSING_MESSAGE.matcher(notFound).find()) {
                problems.add(lang + " 404: " + firstMatch(notFound));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(page("supervisor", "/?lang=zh-CN")).contains("稽查总览");
        assertThat(page("supervisor", "/?lang=en")).contains("Audit dashboard");
    }

    /** A time as the pages show it: {@code yyyy-MM-dd HH:mm}, nothing more. */
    static final Pattern SHOWN_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    /** A time printed as the code holds it: ISO with a T, seconds or an offset. */
    static final Pattern RAW_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}|\\d{2}:\\d{2}(\\.\\d+)?Z");

    @Test
    void everyTimeOnThePagesIsChinaTimeToTheMinute() throws Exception {
        // the loads are stamped in China time and shown to the minute (the pages showed seconds: 10:00:10)
        Map<String, Object> load = jdbc.queryForMap("SELECT id, started_at FROM load_batches ORDER BY id LIMIT 1");
        LocalDateTime started = ((Timestamp) load.get("STARTED_AT")).toLocalDateTime();
        assertThat(started).as("China time: the clock starts at 10:00 in China").isAfterOrEqualTo("2026-12-07T10:00");
        String shown = started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(Jsoup.parse(page("auditor", "/loads")).select("tbody").text())
                .contains(shown)
                .doesNotContainPattern(shown + ":\\d\\d");
        assertThat(Jsoup.parse(page("auditor", "/loads/" + load.get("ID")))
                        .select("dl.facts")
                        .text())
                .contains(shown)
                .doesNotContainPattern(shown + ":\\d\\d");

        // the rules page showed the rule set's compile time as a raw Instant (2026-12-07T02:42:32.723341812Z)
        Document rules = Jsoup.parse(page("auditor", "/rules"));
        String compiled = rules.select("#version-title + dl.facts dd").get(2).text();
        assertThat(compiled).matches(SHOWN_TIME);
        assertThat(LocalDateTime.parse(compiled.replace(' ', 'T')))
                .as("China time, not UTC: the clock starts at 10:00 in China")
                .isAfterOrEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0));

        long run = jdbc.queryForObject("SELECT MAX(id) FROM audit_runs", Long.class);
        long ticket = anyTicketOf("QC01");
        for (String url :
                List.of("/", "/runs", "/runs/" + run, "/tickets", "/tickets/" + ticket, "/rules", "/loads", "/plans")) {
            String text = Jsoup.parse(page("auditor", url)).select("main").text();
            assertThat(RAW_TIME.matcher(text).results().map(MatchResult::group).toList())
                    .as(url + ": times to the minute, never raw")
                    .isEmpty();
        }
    }

    @Test
    void chineseIsTheDefaultAndTheChosenLanguageIsKeptInACookie() throws Exception {
        assertThat(page("supervisor", "/runs")).contains("稽查历史");
        var english = mvc.perform(get("/runs?lang=en").with(as("supervisor")))
                .andExpect(status().isOk())
                .andReturn();
        var cookie = english.getResponse().getCookie("jicha-lang");
        assertThat(cookie).isNotNull();
        String next = mvc.perform(get("/rules").with(as("supervisor")).cookie(cookie))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(next).contains("Rule catalogue");
    }

    @Test
    void theSignInPageIsOursWithLabelledFieldsAndTheCsrfToken() throws Exception {
        Document doc = Jsoup.parse(mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Element form = doc.selectFirst("form[action=/login]");
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(doc.select("label[for=username]")).hasSize(1);
        assertThat(doc.select("label[for=password]")).hasSize(1);
        assertThat(doc.select("a.skip-link[href=#main]")).hasSize(1);
        mvc.perform(formLogin("/login").user("qc01re").password(SampleWorld.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("qc01re").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aTeamUserSeesOnlyTheTicketsAndFiguresOfItsOwnUnit() throws Exception {
        Document list = Jsoup.parse(page("qc01re", "/tickets"));
        List<Element> rows = list.select("#ticket-table tbody tr[data-team]");
        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(r -> assertThat(List.of(r.attr("data-team"), r.attr("data-station")))
                        .contains("QC01RE"));
        assertThat(list.select("#ticket-table").text()).doesNotContain("QC02");
        long visible = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inspection_tickets WHERE team_unit_code = 'QC01RE' "
                        + "OR station_code = 'QC01RE'",
                Long.class);
        assertThat(list.select(".pager").text()).contains(String.valueOf(visible));

        mvc.perform(get("/tickets/" + anyTicketOf("QC02")).with(as("qc01re"))).andExpect(status().isNotFound());
        mvc.perform(get("/runs").with(as("qc01re"))).andExpect(status().isForbidden());
        mvc.perform(get("/rules").with(as("qc01re"))).andExpect(status().isForbidden());
        mvc.perform(get("/loads").with(as("qc01re"))).andExpect(status().isForbidden());
        mvc.perform(get("/plans").with(as("qc01re"))).andExpect(status().isForbidden());

        Document nav = Jsoup.parse(page("qc01re", "/"));
        assertThat(nav.select(".site-nav a").eachAttr("href")).containsExactly("/", "/tickets", "/reports");
        Document feedback = Jsoup.parse(page("qc01re", "/reports"));
        assertThat(feedback.select("#deviation-xlsx"))
                .as("a team has no deviation report")
                .isEmpty();
        assertThat(feedback.select("#feedback-xlsx").attr("href")).contains("team=QC01RE");
        long openOfTeam = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inspection_tickets WHERE (team_unit_code = 'QC01RE' "
                        + "OR station_code = 'QC01RE') AND status IN ('NEW', 'DISPATCHED', 'FEEDBACK_SUBMITTED', 'RETURNED', "
                        + "'SCOPE_REJECTED')",
                Long.class);
        assertThat(nav.select("#kpi-open").text()).isEqualTo(String.valueOf(openOfTeam));
        long openOfAll = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inspection_tickets WHERE status IN ('NEW', "
                        + "'DISPATCHED', 'FEEDBACK_SUBMITTED', 'RETURNED', 'SCOPE_REJECTED')",
                Long.class);
        assertThat(Jsoup.parse(page("supervisor", "/")).select("#kpi-open").text())
                .isEqualTo(String.valueOf(openOfAll));
        assertThat(openOfTeam).isLessThan(openOfAll);
    }

    @Test
    void aCustomerNamedLikeAScriptIsShownAsTextNeverAsMarkup() throws Exception {
        long ticket = jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE customer_no IS NOT NULL " + "AND station_code = 'QC01'",
                Long.class);
        String customer =
                jdbc.queryForObject("SELECT customer_no FROM inspection_tickets WHERE id = ?", String.class, ticket);
        String name = jdbc.queryForObject(
                "SELECT customer_name FROM customers WHERE customer_no = ?", String.class, customer);
        String evil = "<script>alert(1)</script>";
        jdbc.update("UPDATE customers SET customer_name = ? WHERE customer_no = ?", evil, customer);
        try {
            for (String url : List.of(
                    "/tickets/" + ticket,
                    "/tickets?unit=QC01&rule="
                            + jdbc.queryForObject(
                                    "SELECT rule_code FROM inspection_tickets WHERE id = ?", String.class, ticket))) {
                String html = page("supervisor", url);
                assertThat(html)
                        .as(url)
                        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                        .doesNotContain(evil);
                assertThat(Jsoup.parse(html).select(".customer-name").eachText())
                        .as(url)
                        .contains(evil);
            }
            String filter = page("supervisor", "/tickets?rule=" + URLEncoder.encode(evil, StandardCharsets.UTF_8));
            assertThat(filter).doesNotContain(evil);
        } finally {
            jdbc.update("UPDATE customers SET customer_name = ? WHERE customer_no = ?", name, customer);
        }
    }

    @Test
    void aBadAddressOrAnUnknownRecordIsAnsweredWithAPageNotJson() throws Exception {
        String bad = mvc.perform(get("/tickets?status=NO_SUCH_STATE").with(as("supervisor")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(bad).select("main h1").text()).contains("400");
        String missing = mvc.perform(get("/runs/999999").with(as("supervisor")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(missing).select("main h1").text()).contains("404");
    }

    @Test
    void htmxAsksForTheResultsOnlyAndLongListsArePaged() throws Exception {
        String fragment = mvc.perform(
                        get("/tickets?page=1").header("HX-Request", "true").with(as("supervisor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).doesNotContain("<html").contains("id=\"ticket-results\"");
        Document doc = Jsoup.parse(fragment);
        assertThat(doc.select("#ticket-table tbody tr")).hasSizeLessThanOrEqualTo(TICKETS_PER_PAGE);
        assertThat(doc.select(".pager a").eachAttr("href")).anyMatch(h -> h.contains("page=0"));
    }

    @Test
    void anAuditorUploadsAZipThroughTheFormAndReadsEveryRejectedRow() throws Exception {
        byte[] zip = zip(
                "units.csv",
                "unit_code,unit_name,parent_code,unit_type,team_kind\n"
                        + "QC98,测试班,QC01,TEAM,READING\nQC99,<b>坏</b>,QC01,PLANET,\n");
        mvc.perform(multipart("/loads")
                        .file(new MockMultipartFile("file", "web-upload.zip", "application/zip", zip))
                        .with(as("auditor")))
                .andExpect(status().isForbidden());
        String location = mvc.perform(multipart("/loads")
                        .file(new MockMultipartFile("file", "web-upload.zip", "application/zip", zip))
                        .with(as("auditor"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/loads/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Document report = Jsoup.parse(page("auditor", location));
        List<Element> rejected = report.select("#rejections tbody tr");
        assertThat(rejected).isNotEmpty();
        assertThat(rejected.get(0).select("td")).hasSize(5);
        assertThat(report.select("#rejections").text()).contains("units.csv");
        mvc.perform(multipart("/loads")
                        .file(new MockMultipartFile("file", "x.zip", "application/zip", new byte[0]))
                        .with(as("supervisor"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAuditorReloadsTheRulesFromTheRulesPage() throws Exception {
        Document rules = Jsoup.parse(page("auditor", "/rules"));
        assertThat(rules.select("form[action=/rules/reload] input[name=_csrf]")).hasSize(1);
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_trail", Long.class);
        mvc.perform(post("/rules/reload").with(as("auditor")).with(csrf())).andExpect(redirectedUrl("/rules"));
        assertThat(jdbc.queryForList(
                        "SELECT actor, target, detail FROM audit_trail WHERE action = 'RULES_RELOAD' " + "AND id > ?",
                        before))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("ACTOR")).isEqualTo("auditor");
                    assertThat(e.get("TARGET")).isEqualTo(RuleSetLoader.contentHash(Path.of("rules")));
                    assertThat((String) e.get("DETAIL")).isEqualTo("API UNCHANGED");
                });
        mvc.perform(post("/rules/reload").with(as("supervisor")).with(csrf())).andExpect(status().isForbidden());
        assertThat(Jsoup.parse(page("supervisor", "/rules")).select("form[action=/rules/reload]"))
                .isEmpty();
    }

    @Test
    void anAuditorUploadsACandidateOnTheRulesPageAndPreviewsItByPickingItFromTheList() throws Exception {
        Document before = Jsoup.parse(page("auditor", "/rules"));
        assertThat(before.select("form[action=/rules/preview] input[name=candidate]"))
                .as("no folder is typed")
                .isEmpty();
        assertThat(before.select(
                        "form[action=/rules/candidates][enctype=multipart/form-data] input[type=file][name=files]"))
                .hasSize(1);
        String parameters = Files.readString(Path.of("rules/parameters.yml"), StandardCharsets.UTF_8)
                .replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20");

        mvc.perform(multipart("/rules/candidates")
                        .file(new MockMultipartFile(
                                "files", "parameters.yml", "text/yaml", parameters.getBytes(StandardCharsets.UTF_8)))
                        .with(as("supervisor"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/rules/candidates")
                        .file(new MockMultipartFile(
                                "files", "parameters.yml", "text/yaml", parameters.getBytes(StandardCharsets.UTF_8)))
                        .with(as("auditor"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String id = jdbc.queryForObject(
                "SELECT id FROM rule_candidates ORDER BY uploaded_at DESC FETCH FIRST 1 ROWS ONLY", String.class);
        Document candidatePage = Jsoup.parse(page("auditor", "/rules/candidates/" + id));
        assertThat(candidatePage.select("#check").text()).contains("编译通过");
        assertThat(candidatePage.select("form[action=/rules/candidates/" + id + "/promote] textarea[name=reason]"))
                .hasSize(1);
        Document listed = Jsoup.parse(page("auditor", "/rules"));
        assertThat(listed.select("#candidate-list").text()).contains(id, "auditor", "parameters.yml", "编译通过");
        assertThat(listed.select("form[action=/rules/preview] select[name=candidate] option[value=" + id + "]"))
                .hasSize(1);

        String previewPage = mvc.perform(post("/rules/preview")
                        .with(as("auditor"))
                        .with(csrf())
                        .param("candidate", id)
                        .param("asOf", "2026-11-05"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(previewPage).matches("/rules/previews/\\d+");
        Document preview = Jsoup.parse(page("auditor", previewPage));
        assertThat(preview.select("#preview-summary").text()).contains("2026-10", "BIL-02");
        assertThat(preview.select("#preview-subjects tbody tr").first().text()).contains("新增问题", "限 20 天");
        for (String url : List.of(previewPage, previewPage + "?change=NEW&rule=BIL-02", "/rules/candidates/" + id)) {
            assertThat(page("auditor", url + (url.contains("?") ? "&" : "?") + "lang=en"))
                    .as(url)
                    .doesNotContainPattern(MISSING_MESSAGE)
                    .contains("Put in force");
        }
        Document refused = Jsoup.parse(mvc.perform(
                        post("/rules/preview").with(as("auditor")).with(csrf()).param("candidate", "/"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#preview .problem").text()).contains("没有这个候选规则集");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_trail WHERE action = 'RULES_PREVIEW' AND actor = 'auditor' "
                                + "AND target = ?",
                        String.class,
                        "rule-candidate:" + id))
                .singleElement()
                .asString()
                .contains("asOf=2026-11-05", "outcome=OK");
    }

    private static String firstMatch(String html) {
        var m = MISSING_MESSAGE.matcher(html);
        return m.find() ? m.group() : "";
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
