package org.jicha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.people.UserAccounts;
import org.jicha.plans.PlanDefinition;
import org.jicha.plans.PlanKind;
import org.jicha.plans.PlanService;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Chinese all through, English on request (issue 13): every page of the sample world, as each role sees it, in
 * Chinese shows no constant of the product's enums ({@code MAJOR}, {@code DISPATCHED}, {@code READING},
 * {@code ESTIMATED} ...) but their names from the message bundles, and in English shows no Chinese except data
 * that has no English (names of customers, units, teams and staff, the rules' evidence and the audit team's
 * Chinese rule descriptions). Same context as {@link WebPagesIntegrationTests}. The sample world has no audit
 * plan: each test creates one as the auditor, so that the plans page and the plan's form are read too, and deletes
 * it afterwards.
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
class PageLanguageIntegrationTests {

    /** A rule code ({@code BIL-02}) and a parameter named after it ({@code BIL-02.maxDays}, {@code EXP.stepLimitWd}). */
    static final Pattern RULE_CODE = Pattern.compile("\\b(BIL|BUS|INS|MET|EXP|IMP)(-\\d{2})?(\\.[A-Za-z0-9_.-]+)?\\b");

    static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    /** A monthly plan of the sample world's metering and billing rules at one station: its texts are data. */
    static final PlanDefinition PLAN = new PlanDefinition(
            "青川城关所月度稽查",
            "每月 1 日稽查计量和电费",
            PlanKind.ROUTINE,
            "0 0 3 1 * ?",
            null,
            null,
            List.of("MET", "BIL"),
            List.of(),
            List.of("QC01"),
            90,
            "当月整改",
            null);

    /** Enum constants that are ordinary words or data a page shows as they are, not a label left untranslated. */
    static final Set<String> SHOWN_AS_THEY_ARE = Set.of("PDF", "XLSX", "CSV", "ZIP");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    ActiveRuleSet rules;

    @Autowired
    PlanService plans;

    long plan;

    @BeforeEach
    void usersAndAPlan() {
        SampleWorld.users(accounts);
        plan = plans.create(PLAN, "auditor").id();
    }

    @AfterEach
    void noPlan() {
        plans.delete(plan, "auditor");
    }

    /** Every constant of every enum of the product (not of the tools beside it), e.g. MAJOR, DISPATCHED, READING. */
    static Set<String> enumConstants() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> constants = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.jicha")) {
            String name = definition.getBeanClassName();
            if (name == null || name.startsWith("org.jicha.tools.")) {
                continue;
            }
            Class<?> type = Class.forName(name);
            for (Object constant : type.getEnumConstants()) {
                String text = ((Enum<?>) constant).name();
                if (text.length() > 1 && text.equals(text.toUpperCase()) && !SHOWN_AS_THEY_ARE.contains(text)) {
                    constants.add(text);
                }
            }
        }
        return constants;
    }

    /** The pages of the sample world a role may open (a team: the dashboard, its tickets, reports, account). */
    List<String> pages(String role) {
        long run = jdbc.queryForObject("SELECT MAX(id) FROM audit_runs", Long.class);
        long load = jdbc.queryForObject("SELECT MAX(id) FROM load_batches", Long.class);
        String rule = jdbc.queryForObject("SELECT MIN(rule_code) FROM findings", String.class);
        long ticket = jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE station_code = 'QC01' OR team_unit_code = 'QC01RE'",
                Long.class);
        long teamTicket = jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE station_code = 'QC01RE' OR team_unit_code = 'QC01RE'",
                Long.class);
        List<String> team = List.of("/", "/tickets", "/tickets/" + teamTicket, "/reports", "/account/password");
        if (role.equals("qc01re")) {
            return team;
        }
        List<String> staff = new ArrayList<>(List.of(
                "/",
                "/tickets",
                "/tickets/" + ticket,
                "/runs",
                "/runs/" + run,
                "/runs/" + run + "?rule=" + rule,
                "/loads",
                "/loads/" + load,
                "/rules",
                "/rules/" + rule,
                "/plans",
                "/plans/" + plan + "/edit",
                "/reports",
                "/reports?period=2026-10&unit=QC01&team=QC01RE",
                "/account/password"));
        if (role.equals("admin") || role.equals("auditor")) {
            staff.add("/trail");
        }
        return staff;
    }

    /** The page's visible text, without scripts and styles, or null when the role may not open it. */
    String text(String role, String url, String lang) throws Exception {
        MvcResult result = mvc.perform(get(url).param("lang", lang).with(user(userDetails.loadUserByUsername(role))))
                .andReturn();
        int status = result.getResponse().getStatus();
        if (status == 403) {
            return null;
        }
        assertThat(status).as(lang + " " + role + " " + url).isEqualTo(200);
        Document doc = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.select("html").attr("lang")).as(url).isEqualTo(lang);
        // and what a page marks as stored text not to translate (the audit trail's details)
        doc.select("script, style, noscript, template, [translate=no]").remove();
        if (lang.equals("en")) {
            // the product's name (稽查 Jicha), the link to the Chinese pages and text marked as Chinese (lang="zh-CN")
            doc.select(".brand, body [lang^=zh]").remove();
        }
        return doc.body().text();
    }

    @Test
    void aChinesePageShowsNoEnumConstantOnlyItsName() throws Exception {
        Set<String> constants = enumConstants();
        assertThat(constants).contains("MAJOR", "DISPATCHED", "READING", "COMPLETED", "AUDITOR");
        Pattern constant = Pattern.compile("(?<![A-Za-z0-9_])("
                + String.join(
                        "|",
                        constants.stream()
                                .sorted(Comparator.comparing(String::length).reversed())
                                .toList())
                + ")(?![A-Za-z0-9_])");
        Set<String> seen = new LinkedHashSet<>();
        for (String role : List.of("admin", "auditor", "supervisor", "qc01re")) {
            for (String url : pages(role)) {
                String text = text(role, url, "zh-CN");
                if (text == null) {
                    continue;
                }
                Matcher m = constant.matcher(RULE_CODE.matcher(text).replaceAll(" "));
                while (m.find()) {
                    seen.add(role + " " + url + ": " + m.group(1) + " in \""
                            + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30))
                            + "\"");
                }
            }
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void anEnglishPageShowsNoChineseButData() throws Exception {
        List<String> data = new ArrayList<>();
        data.addAll(jdbc.queryForList("SELECT unit_name FROM units", String.class));
        data.addAll(jdbc.queryForList("SELECT customer_name FROM customers", String.class));
        data.addAll(jdbc.queryForList("SELECT name FROM staff", String.class));
        data.addAll(jdbc.queryForList("SELECT display_name FROM app_users", String.class));
        data.addAll(jdbc.queryForList("SELECT DISTINCT message FROM findings", String.class));
        data.addAll(jdbc.queryForList("SELECT DISTINCT message FROM inspection_tickets", String.class));
        data.addAll(List.of(PLAN.name(), PLAN.description(), PLAN.target()));
        for (RuleMeta rule : rules.current().rules()) {
            data.addAll(List.of(rule.basis(), rule.remedy(), rule.description()));
        }
        List<String> longestFirst = data.stream()
                .filter(d -> d != null && HAN.matcher(d).find())
                .distinct()
                .sorted(Comparator.comparing(String::length).reversed())
                .toList();
        Set<String> seen = new LinkedHashSet<>();
        for (String role : List.of("admin", "auditor", "supervisor", "qc01re")) {
            for (String url : pages(role)) {
                String text = text(role, url, "en");
                if (text == null) {
                    continue;
                }
                for (String d : longestFirst) {
                    text = text.replace(d, " ");
                }
                Matcher m = HAN.matcher(text);
                while (m.find()) {
                    seen.add(role + " " + url + ": " + m.group() + " in \""
                            + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30))
                            + "\"");
                }
            }
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void thePlansPageJoinsItsListsTheReadersWay() throws Exception {
        assertThat(text("auditor", "/plans", "zh-CN")).contains("装表接电及电能计量、电价电费及抄核收");
        assertThat(text("auditor", "/plans", "en"))
                .contains("Installation and metering; Tariffs, reading, billing, collection")
                .doesNotContain("、");
    }
}
