package org.jicha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jicha.bootstrap.ServerAddress;
import org.jicha.people.Actor;
import org.jicha.people.UserAccounts;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The pages in a real headless Chromium over the audited sample batch, as each role: the charts draw, a team
 * sees only its tickets, a script in a customer's name stays text, the keyboard reaches everything. Screenshots
 * of every step land in {@code target/screenshots/<test>/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.bootstrap.sample-data=sample-data",
            "jicha.bootstrap.as-of=2026-11-05",
            "jicha.ingest.inbox=target/browser/inbox",
            "jicha.ingest.archive=target/browser/archive",
            "jicha.ingest.failed=target/browser/archive/_failed",
            "jicha.security.initial-admin-password=page-chief-pw"
        })
class WebUiBrowserIntegrationTests {

    /** The rules in force: a copy of rules/ that a test may change (and puts back), never rules/ itself. */
    static final Path RULES_IN_FORCE = Path.of("target/browser/rules");

    static final List<String> CHARTS = List.of("chart-theme", "chart-unit", "chart-trend", "chart-rate", "chart-rules");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActiveRuleSet activeRules;

    @Autowired
    ServerAddress address;

    Browser browser;

    @DynamicPropertySource
    static void rulesInForce(DynamicPropertyRegistry registry) throws IOException {
        copyShippedRules();
        registry.add("jicha.rules.dir", RULES_IN_FORCE::toString);
        registry.add("jicha.rules.candidates.dir", () -> "target/browser/rule-candidates");
    }

    static void copyShippedRules() throws IOException {
        FileSystemUtils.deleteRecursively(RULES_IN_FORCE);
        FileSystemUtils.copyRecursively(Path.of("rules"), RULES_IN_FORCE);
    }

    @BeforeEach
    void start(TestInfo test) {
        assumeTrue(
                Browser.available(),
                "no /usr/bin/chromedriver and /usr/bin/chromium here: install the Debian "
                        + "packages chromium and chromium-driver (.ci/run does) to run the browser tests");
        SampleWorld.users(accounts);
        browser = new Browser(port, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorSignsInAndTheDashboardDrawsItsCharts() {
        browser.signIn("supervisor", SampleWorld.PASSWORD);
        assertThat(browser.driver.getTitle()).contains("稽查总览");
        waitForCharts();
        assertThat(Long.parseLong(browser.find("#kpi-open").getText())).isPositive();
        browser.shot("dashboard-zh");

        browser.find("a[hreflang=en]").click();
        browser.waitFor(d -> d.getTitle().contains("Audit dashboard"));
        waitForCharts();
        browser.shot("dashboard-en");

        browser.find(".site-nav a[href='/runs']").click();
        browser.waitFor(d -> d.getTitle().contains("Audit runs"));
        browser.find("#runs-table tbody a").click();
        browser.waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#findings tbody tr"))
                .isEmpty());
        browser.shot("run-findings");

        browser.find(".site-nav a[href='/rules']").click();
        browser.waitFor(d -> d.getTitle().contains("Audit rules"));
        assertThat(browser.all("form[action='/rules/reload']"))
                .as("a supervisor does not reload rules")
                .isEmpty();
        browser.shot("rules");

        browser.find(".site-nav a[href='/reports']").click();
        browser.waitFor(d -> d.getTitle().contains("Reports"));
        browser.shot("reports");
        browser.find("#deviation-xlsx").click();
        Path xlsx = browser.downloaded(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isPositive();
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isPositive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(xlsx.getFileName().toString()).startsWith("稽查报告");

        browser.size(820, 1180);
        browser.open("/?lang=zh-CN");
        waitForCharts();
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a tablet")
                .isTrue();
        browser.shot("dashboard-tablet");
    }

    @Test
    void aTeamUserSeesOnlyTheTicketsOfItsOwnTeam() {
        browser.signIn("qc01re", SampleWorld.PASSWORD);
        waitForCharts();
        assertThat(browser.all(".site-nav a")).extracting(WebElement::getText).containsExactly("总览", "督办单", "信息反馈");
        browser.shot("dashboard-team");

        browser.find(".site-nav a[href='/tickets']").click();
        browser.waitFor(d -> d.getTitle().contains("督办单"));
        assertOnlyTeamTickets();
        browser.shot("tickets-team");

        new Select(browser.find("#f-status")).selectByValue("DISPATCHED");
        browser.waitFor(d -> d.getCurrentUrl().contains("status=DISPATCHED"));
        assertOnlyTeamTickets();
        browser.shot("tickets-team-dispatched");

        browser.find("#ticket-table tbody a").click();
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
        assertThat(browser.find("#ticket-message").getText()).isNotBlank();
        browser.shot("ticket-team");

        long other =
                jdbc.queryForObject("SELECT MIN(id) FROM inspection_tickets WHERE station_code = 'QC02'", Long.class);
        browser.open("/tickets/" + other);
        assertThat(browser.find("h1").getText()).contains("404");
        browser.shot("ticket-of-another-station");
    }

    @Test
    void aTeamLeaderWorksATicketOnAPhone() throws IOException {
        long ticket = jdbc.queryForObject(
                "SELECT MAX(id) FROM inspection_tickets WHERE team_unit_code = 'QC01RE' AND status = 'DISPATCHED'",
                Long.class);
        browser.size(390, 844);
        browser.signIn("qc01re", SampleWorld.PASSWORD);
        assertThat(((Number) browser.js("return window.innerWidth")).intValue())
                .as("a phone's width")
                .isLessThanOrEqualTo(414);

        browser.open("/tickets");
        browser.waitFor(d -> d.getTitle().contains("督办单"));
        assertThat(browser.find(".site-nav").isDisplayed())
                .as("the navigation folds behind the menu")
                .isFalse();
        assertFitsThePhone("ticket list");
        assertThat(browser.find("#ticket-table tbody td.team").getText())
                .as("the team by name beside its code")
                .contains("青川县城关供电所抄表班", "QC01RE");
        browser.shot("phone-ticket-list");
        browser.find(".nav-toggle-label").click();
        browser.waitFor(d ->
                d.findElement(org.openqa.selenium.By.cssSelector(".site-nav")).isDisplayed());
        assertFitsThePhone("ticket list with the menu open");
        browser.shot("phone-menu-open");

        browser.open("/tickets/" + ticket);
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/tickets/" + ticket));
        assertFitsThePhone("ticket page");
        assertThat(browser.find("#ticket-team").getText()).contains("青川县城关供电所抄表班", "QC01RE");
        assertThat(browser.find("#ticket-station").getText()).contains("青川县城关供电所", "QC01");
        WebElement photo = browser.find("#fb-photo");
        assertThat(photo.getAttribute("capture")).isEqualTo("environment");
        assertThat(photo.getAttribute("accept")).isEqualTo("image/jpeg,image/png");
        assertThat(browser.find("#fb-files").getAttribute("accept")).isEqualTo("image/jpeg,image/png,application/pdf");
        assertThat((Boolean) browser.js("return (document.getElementById('team-feedback')"
                        + ".compareDocumentPosition(document.getElementById('actions-title'))"
                        + " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"))
                .as("the team's feedback comes before the actions")
                .isTrue();
        assertThat((Boolean) browser.js("return (document.getElementById('actions-title')"
                        + ".compareDocumentPosition(document.getElementById('history-title'))"
                        + " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"))
                .as("the actions come before the history")
                .isTrue();
        assertThat(browser.all("#ticket-history tbody tr").get(0).getText())
                .as("the history starts with the system's dispatch for the run")
                .contains("系统（稽查运行 #", "派单", "已派发");
        browser.shot("phone-ticket");

        Path picture = browser.downloads.resolve("camera-photo.png");
        ImageIO.write(new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        browser.find("#fb-comment").sendKeys("已现场拍照核对");
        browser.find("#fb-photo").sendKeys(picture.toString());
        browser.find("#form-SUBMIT_FEEDBACK button[type=submit]").click();
        browser.waitFor(d ->
                !d.findElements(org.openqa.selenium.By.cssSelector("p.notice")).isEmpty());
        assertThat(browser.find("#feedback-comment").getText()).isEqualTo("已现场拍照核对");
        assertThat(browser.find("#evidence-files").getText())
                .as("the camera's photo goes up with the feedback")
                .contains("camera-photo.png");
        assertFitsThePhone("ticket page after the feedback");
        browser.shot("phone-feedback-sent");
    }

    @Test
    void anAuditorReadsTheTicketListAndATicketOnAPhoneInBothLanguages() {
        long ticket = jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE status = 'DISPATCHED' AND station_code = 'QC01'",
                Long.class);
        browser.size(390, 844);
        browser.signIn("auditor", SampleWorld.PASSWORD);
        browser.open("/tickets");
        browser.waitFor(d -> d.getTitle().contains("督办单"));
        assertFitsThePhone("auditor's ticket list with bulk dispatch");
        browser.shot("phone-auditor-list");
        browser.open("/tickets/" + ticket + "?lang=en");
        browser.waitFor(d -> d.getTitle().contains("Ticket"));
        assertFitsThePhone("auditor's ticket page in English");
        assertThat(browser.all("#ticket-history tbody tr").get(0).getText()).contains("System (audit run #");
        browser.shot("phone-auditor-ticket-en");
        browser.open("/tickets?lang=zh-CN");
    }

    /** No sideways scrolling of the page, and every button and link to a ticket or a file tall enough for a finger. */
    private void assertFitsThePhone(String page) {
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling of the %s", page)
                .isTrue();
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) browser.js("return [...document.querySelectorAll("
                + "'button, .button, a.ticket-link, a.back-link, #evidence-files a, .nav-toggle-label, .site-nav a')]"
                + ".filter(e => e.getClientRects().length > 0)"
                + ".filter(e => e.getBoundingClientRect().height < 44)"
                + ".map(e => (e.id || e.textContent.trim()) + ': ' + e.getBoundingClientRect().height)");
        assertThat(small).as("touch targets under 44 px on the %s", page).isEmpty();
        assertThat(browser.all("button")).as("buttons on the %s", page).isNotEmpty();
    }

    @Test
    void aScriptInACustomerNameStaysTextAndTheKeyboardReachesEverything() {
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
            browser.signIn("auditor", SampleWorld.PASSWORD);
            browser.open("/tickets");
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(browser.js("return document.activeElement.className")).isEqualTo("skip-link");
            browser.shot("skip-link-focused");
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("#main"));
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(browser.js("return document.activeElement.id"))
                    .as("the first field after the skip")
                    .isEqualTo("f-theme");
            browser.shot("keyboard-in-filters");

            browser.open("/tickets/" + ticket);
            assertThat(browser.find(".customer-name").getText()).isEqualTo(evil);
            assertNoAlert();
            browser.shot("ticket-with-script-name");

            browser.open("/tickets?rule=" + URLEncoder.encode(evil, StandardCharsets.UTF_8));
            assertThat(browser.find("#f-rule").getAttribute("value")).isEqualTo(evil);
            assertNoAlert();
            browser.shot("filter-with-script");
        } finally {
            jdbc.update("UPDATE customers SET customer_name = ? WHERE customer_no = ?", name, customer);
        }
    }

    @Test
    void aTeamSubmitsFeedbackWithAFileAndAnAuditorVerifiesIt() throws Exception {
        long ticket = jdbc.queryForObject(
                "SELECT MIN(id) FROM inspection_tickets WHERE team_unit_code = 'QC01RE' " + "AND status = 'DISPATCHED'",
                Long.class);
        Path photo = browser.downloads.resolve("meter-photo.png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", photo.toFile());

        browser.signIn("qc01re", SampleWorld.PASSWORD);
        browser.open("/tickets/" + ticket);
        assertThat(browser.all("#form-VERIFY")).as("a team cannot verify").isEmpty();
        browser.find("#fb-comment").sendKeys("已现场核对表计并更正档案");
        browser.find("#fb-files").sendKeys(photo.toString());
        browser.shot("feedback-filled");
        browser.find("#form-SUBMIT_FEEDBACK button[type=submit]").click();
        browser.waitFor(d ->
                !d.findElements(org.openqa.selenium.By.cssSelector("p.notice")).isEmpty());
        assertThat(browser.find("#evidence-files").getText()).contains("meter-photo.png");
        assertThat(browser.find("dl.facts .badge").getText()).isEqualTo("已反馈");
        browser.shot("feedback-submitted");

        browser.find(".who form button").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
        browser.signIn("auditor", SampleWorld.PASSWORD);
        browser.open("/tickets/" + ticket);
        assertThat(browser.find("#feedback-comment").getText())
                .as("the auditor reads the team's feedback first")
                .isEqualTo("已现场核对表计并更正档案");
        browser.find("#comment-VERIFY").sendKeys("照片与档案一致");
        browser.shot("auditor-verifies");
        browser.find("#do-VERIFY").click();
        browser.waitFor(d ->
                !d.findElements(org.openqa.selenium.By.cssSelector("p.notice")).isEmpty());
        assertThat(browser.find("dl.facts .badge").getText()).isEqualTo("已验证");
        assertThat(browser.all("#ticket-history tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        browser.shot("verified");
    }

    @Test
    void thePagesRunUnderTheContentSecurityPolicyAndTheSessionCookieStaysOnThisSite() {
        browser.signIn("auditor", SampleWorld.PASSWORD);
        waitForCharts();
        org.openqa.selenium.Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.isHttpOnly()).isTrue();
        browser.shot("dashboard-under-csp");

        new Actions(browser.driver)
                .moveToElement(browser.find("#chart-theme canvas"))
                .perform();
        browser.shot("chart-tooltip");
        browser.open("/tickets");
        new Select(browser.find("#f-status")).selectByValue("DISPATCHED");
        browser.waitFor(d -> d.getCurrentUrl().contains("status=DISPATCHED"));
        browser.open("/runs");
        browser.find("#runs-table tbody a").click();
        browser.waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#findings tbody tr"))
                .isEmpty());
        browser.find(".who #change-password").click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/account/password"));
        browser.shot("password-page");

        assertThat(browser.consoleErrors())
                .as("nothing refused by the Content-Security-Policy, no script error")
                .filteredOn(e -> !e.contains("/favicon.ico"))
                .isEmpty();
    }

    @Test
    void anAuditorTakesAChangedThresholdFromUploadToPreviewToPromotionInTheBrowser() throws IOException {
        Path parameters = browser.downloads.resolve("parameters.yml");
        Files.writeString(
                parameters,
                Files.readString(Path.of("rules/parameters.yml"), StandardCharsets.UTF_8)
                        .replace("maxDaysSinceActualRead: 60", "maxDaysSinceActualRead: 20"),
                StandardCharsets.UTF_8);
        try {
            browser.signIn("auditor", SampleWorld.PASSWORD);
            browser.open("/rules");
            browser.find("#candidate-files").sendKeys(parameters.toString());
            browser.shot("candidate-chosen");
            browser.find("#upload-candidate").click();
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/rules/candidates/[0-9a-f-]{36}$"));
            assertThat(browser.find("#check-outcome").getText()).isEqualTo("编译通过");
            assertThat(browser.find("#candidate").getText()).contains("parameters.yml", "仍在生效");
            browser.shot("candidate-checked");

            browser.js("document.getElementById('asOf').value = '2026-11-05'");
            browser.find("#preview-candidate").click();
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/rules/previews/\\d+$"));
            assertThat(browser.find("#preview-summary").getText()).contains("2026-10", "BIL-02");
            WebElement first = browser.find("#preview-subjects tbody tr");
            assertThat(first.getText()).contains("新增问题", "BIL-02", "限 20 天");
            assertThat(first.findElement(org.openqa.selenium.By.cssSelector(".customer-name"))
                            .getText())
                    .isNotBlank();
            browser.shot("preview");
            new Select(browser.find("#f-change")).selectByValue("GONE");
            browser.find("#filter-subjects").click();
            browser.waitFor(d -> d.getCurrentUrl().contains("change=GONE"));
            assertThat(browser.find("#preview-subjects").getText()).doesNotContain("新增问题");
            browser.shot("preview-no-longer-flagged");

            browser.find("#promote-reason").sendKeys("省公司通知：实抄间隔收紧到 20 天");
            browser.find("#promote-confirm").click();
            browser.shot("promote-confirmed");
            browser.find("#promote-candidate").click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/rules"));
            assertThat(browser.find("p.notice").getText()).contains("已启用");
            assertThat(String.valueOf(activeRules.current().parameters().asMap().get("BIL-02.maxDaysSinceActualRead")))
                    .isEqualTo("20");
            assertThat(browser.find("#candidate-list").getText()).contains("已启用");
            browser.shot("promoted");
            assertThat(jdbc.queryForList("SELECT actor FROM audit_trail WHERE action = 'RULES_PROMOTED'", String.class))
                    .containsExactly("auditor");
        } finally {
            // over the files, not a new folder: the folder watcher keeps watching it
            FileSystemUtils.copyRecursively(Path.of("rules"), RULES_IN_FORCE);
            activeRules.reload(ReloadTrigger.API, Actor.SYSTEM);
            assertThat(activeRules.current().contentHash()).isEqualTo(RuleSetLoader.contentHash(Path.of("rules")));
        }
    }

    @Test
    void theStartUpLineNamesThePortTheServerReallyListensOn() {
        // it said http://localhost:8080/ whatever the port
        assertThat(address.url()).contains("http://localhost:" + port + "/");
        browser.open("/login");
        assertThat(browser.driver.getTitle()).isNotBlank();
    }

    @Test
    void anAuditorCreatesAQuarterlyPlanInTheBrowserAndReadsItInWords() {
        String station = jdbc.queryForObject("SELECT unit_name FROM units WHERE unit_code = 'QC01'", String.class);
        browser.signIn("auditor", SampleWorld.PASSWORD);
        browser.open("/plans");
        browser.find("#new-plan").click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/plans/new"));
        browser.find("#p-name").sendKeys("城关所季度电费稽查");
        new Select(browser.find("#p-frequency")).selectByValue("QUARTERLY");
        new Select(browser.find("#p-units")).selectByVisibleText(station + "（QC01）");
        browser.find("input[name=themes][value=BIL]").click();
        browser.find("#p-pct").sendKeys("120");
        browser.shot("plan-form-filled");
        browser.find("#p-save").click();
        browser.waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#err-targetRectificationPct"))
                .isEmpty());
        assertThat(browser.find("#err-targetRectificationPct").getText()).startsWith("目标整改率须在 0-100 之间");
        assertThat(new Select(browser.find("#p-frequency"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("what was chosen stays")
                .isEqualTo("QUARTERLY");
        browser.shot("plan-form-fault");
        browser.find("#p-pct").clear();
        browser.find("#p-pct").sendKeys("95");
        browser.find("#p-save").click();
        browser.waitFor(d ->
                !d.findElements(org.openqa.selenium.By.cssSelector("p.notice")).isEmpty());
        browser.shot("plan-created");

        Long id = jdbc.queryForObject("SELECT id FROM audit_plans WHERE name = ?", Long.class, "城关所季度电费稽查");
        WebElement plan = browser.find("#plan-" + id).findElement(org.openqa.selenium.By.xpath(".."));
        assertThat(plan.findElement(org.openqa.selenium.By.cssSelector(".plan-schedule"))
                        .getText())
                .startsWith("每季度首月 1 日 03:00");
        assertThat(plan.findElement(org.openqa.selenium.By.cssSelector(".plan-next"))
                        .getText())
                .as("the next run in China time: 03:00 on the 1st of January, April, July or October")
                .matches("\\d{4}-(01|04|07|10)-01 03:00");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_trail WHERE action = 'PLAN_CREATED' AND target = ?",
                        Integer.class,
                        "plan:" + id))
                .isEqualTo(1);
    }

    private void assertOnlyTeamTickets() {
        List<WebElement> rows = browser.all("#ticket-table tbody tr[data-team]");
        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(r -> assertThat(List.of(r.getAttribute("data-team"), r.getAttribute("data-station")))
                        .contains("QC01RE"));
        assertThat(browser.find("#ticket-table").getText()).doesNotContain("QC02");
    }

    private void assertNoAlert() {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a script from the data ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /** Every chart has drawn: ECharts put a canvas of non-zero size into each chart's box. */
    private void waitForCharts() {
        for (String id : CHARTS) {
            browser.waitFor(d -> {
                List<WebElement> canvas = d.findElements(org.openqa.selenium.By.cssSelector("#" + id + " canvas"));
                return !canvas.isEmpty()
                        && canvas.get(0).getSize().getWidth() > 0
                        && canvas.get(0).getSize().getHeight() > 0;
            });
        }
    }
}
