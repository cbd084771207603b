package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.jicha.MutableClock;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly overdue check and the daily digest, end to end: tickets in the table, users with e-mail,
 * mails through the outbox to an in-process SMTP server (GreenMail), on the shipped China calendar.
 *
 * <p>The organisation: county CO, station ST1 with its reading team ST1-R, station ST2 with team ST2-R.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:notify-escalation;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.notify.base-url=https://jicha.example.com",
            "jicha.notify.from=jicha@example.com"
        })
class OverdueEscalationIntegrationTests {

    static final int SMTP = SmtpPort.free();

    @RegisterExtension
    static GreenMailExtension mailServer =
            new GreenMailExtension(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-10-08T00:00:00Z"));
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OverdueEscalation escalation;

    @Autowired
    TeamDigest digest;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void organisationAndPeople() {
        jdbc.update("DELETE FROM mail_outbox");
        jdbc.update("DELETE FROM inspection_tickets");
        jdbc.update("DELETE FROM app_users WHERE username <> 'admin'");
        jdbc.update("DELETE FROM units");
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '示范县供电公司', NULL, 'COUNTY', NULL), ('ST1', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST1-R', '城关抄表班', 'ST1', 'TEAM', 'READING'), ('ST2', '河口供电所', 'CO', 'STATION', NULL), "
                + "('ST2-R', '河口抄表班', 'ST2', 'TEAM', 'READING')");
        user("leader1", "王欣（城关抄表班班长）", Role.TEAM, "ST1-R", true);
        user("member1", "李明", Role.TEAM, "ST1-R", false);
        user("station1", "马东（城关供电所所长）", Role.TEAM, "ST1", false);
        user("leader2", "莫婷（河口抄表班班长）", Role.TEAM, "ST2-R", true);
        user("auditor1", "陈华", Role.AUDITOR, null, false);
        user("countysup", "闫海玉", Role.SUPERVISOR, "CO", false);
        user("st2sup", "潘玉燕", Role.SUPERVISOR, "ST2", false);
    }

    @Test
    void aTicketOneWorkingDayOverdueReachesTheTeamLeaderOnceWithItsDetails() throws Exception {
        long t1 = ticket("BIL-01", "抄表数据异常", "ST1", "ST1-R", "DISPATCHED", "2026-09-30");
        ticket("BIL-02", "尚未到期", "ST1", "ST1-R", "DISPATCHED", "2026-10-09");
        ticket("BIL-03", "待稽查人员核实", "ST1", "ST1-R", "FEEDBACK_SUBMITTED", "2026-09-01");
        ticket("BIL-04", "已关闭", "ST1", "ST1-R", "CLOSED", "2026-09-01");
        morningOf("2026-10-08"); // the first working day after the National Day week: 1 wd overdue

        OverdueEscalation.Escalated first = escalation.run();
        dispatcher.dispatchDue();

        assertThat(first.ticketsEscalated()).isEqualTo(1);
        MimeMessage mail = onlyMailTo("leader1@example.com");
        assertThat(mail.getSubject()).contains("稽查督办·一级", "Escalation level 1");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("jicha@example.com");
        assertThat(text(mail))
                .contains(
                        "王欣（城关抄表班班长），您好",
                        "#" + t1 + "  BIL-01  抄表数据异常 / Meter not read for the period",
                        "对象 / Subject: 电能表 / Meter M-BIL-01",
                        "整改期限 / Due: 2026-09-30",
                        "逾期 1 个工作日 / 1 working day(s) overdue",
                        "https://jicha.example.com/tickets/" + t1)
                .doesNotContain("BIL-02", "BIL-03", "BIL-04");
        assertThat(recipients()).containsExactly("leader1@example.com");
        assertThat(jdbc.queryForObject(
                        "SELECT escalation_level FROM inspection_tickets WHERE id = ?", Integer.class, t1))
                .isEqualTo(1);

        OverdueEscalation.Escalated second = escalation.run();
        dispatcher.dispatchDue();

        assertThat(second.ticketsEscalated()).isZero();
        assertThat(second.mailsWritten()).isZero();
        assertThat(mailServer.getReceivedMessages())
                .as("no re-send on a second run the same day")
                .hasSize(1);
    }

    @Test
    void theSupervisorsAboveTheStationHearOfItAfterMoreThanThreeWorkingDaysNotCountingTheHolidayWeek()
            throws Exception {
        long t1 = ticket("BIL-01", "抄表数据异常", "ST1", "ST1-R", "DISPATCHED", "2026-09-30");
        long t2 = ticket("BIL-05", "电价执行错误", "ST1", "ST1-R", "RETURNED", "2026-09-30");
        long unassigned = ticket("MET-01", "无责任班组", "ST1", null, "NEW", "2026-09-30");

        morningOf("2026-10-08");
        escalation.run();
        dispatcher.dispatchDue();
        assertThat(recipients())
                .as("calendar days overdue: 8, working days: 1")
                .containsExactlyInAnyOrder("leader1@example.com", "auditor1@example.com");
        assertThat(text(onlyMailTo("leader1@example.com")))
                .contains("#" + t1 + " ", "#" + t2 + " ")
                .doesNotContain("#" + unassigned + " ");
        assertThat(text(onlyMailTo("auditor1@example.com"))).contains("#" + unassigned + " ", "MET-01");
        mailServer.purgeEmailFromAllMailboxes();

        morningOf("2026-10-11"); // Sunday; the make-up Saturday 10-10 counted: 3 wd
        assertThat(escalation.run().ticketsEscalated()).isZero();

        morningOf("2026-10-12"); // 4 wd
        OverdueEscalation.Escalated level2 = escalation.run();
        dispatcher.dispatchDue();

        assertThat(level2.ticketsEscalated()).isEqualTo(3);
        assertThat(recipients())
                .as("one mail for the county supervisor listing all three; not the other station's")
                .containsExactly("countysup@example.com");
        MimeMessage mail = onlyMailTo("countysup@example.com");
        assertThat(mail.getSubject()).contains("稽查督办·二级", "Escalation level 2");
        assertThat(text(mail))
                .contains(
                        "闫海玉，您好",
                        "#" + t1 + " ",
                        "#" + t2 + " ",
                        "#" + unassigned + " ",
                        "逾期 4 个工作日 / 4 working day(s) overdue");
        assertThat(jdbc.queryForList("SELECT escalation_level FROM inspection_tickets", Integer.class))
                .containsOnly(2);
    }

    @Test
    void aTicketFirstSeenLongOverdueTellsBothLevelsAndAReopenedTicketCanEscalateAgain() throws Exception {
        long t1 = ticket("BIL-01", "抄表数据异常", "ST1", "ST1-R", "DISPATCHED", "2026-11-02");
        morningOf("2026-11-30");

        escalation.run();
        dispatcher.dispatchDue();
        assertThat(recipients()).containsExactlyInAnyOrder("leader1@example.com", "countysup@example.com");
        mailServer.purgeEmailFromAllMailboxes();

        // reopened with a new deadline: the level is reset while it is not overdue ...
        jdbc.update("UPDATE inspection_tickets SET due_on = ? WHERE id = ?", Date.valueOf("2026-12-01"), t1);
        escalation.run();
        assertThat(jdbc.queryForObject(
                        "SELECT escalation_level FROM inspection_tickets WHERE id = ?", Integer.class, t1))
                .isZero();
        // ... and escalates again once the new deadline has passed
        morningOf("2026-12-02");
        escalation.run();
        dispatcher.dispatchDue();

        assertThat(recipients()).containsExactly("leader1@example.com");
        assertThat(text(onlyMailTo("leader1@example.com"))).contains("整改期限 / Due: 2026-12-01", "逾期 1 个工作日");
    }

    @Test
    void withoutATeamLeaderTheStationsTeamUsersAreTold() throws Exception {
        jdbc.update("UPDATE app_users SET team_leader = FALSE WHERE username = 'leader1'");
        ticket("BIL-01", "抄表数据异常", "ST1", "ST1-R", "DISPATCHED", "2026-11-26");
        morningOf("2026-11-30");

        escalation.run();
        dispatcher.dispatchDue();

        assertThat(recipients()).containsExactly("station1@example.com");
    }

    @Test
    void eachTeamUserGetsADigestOfTheirUnitsOpenTicketsAndAnEmptyTeamGetsNothing() throws Exception {
        long overdue = ticket("BIL-01", "抄表数据异常", "ST1", "ST1-R", "DISPATCHED", "2026-11-26");
        long dueSoon = ticket("BIL-02", "电价执行错误", "ST1", "ST1-R", "RETURNED", "2026-12-03");
        long later = ticket("BIL-03", "力调电费错误", "ST1", "ST1-R", "DISPATCHED", "2026-12-20");
        long feedback = ticket("BIL-04", "待核实", "ST1", "ST1-R", "FEEDBACK_SUBMITTED", "2026-11-20");
        long stationOnly = ticket("MET-01", "无责任班组", "ST1", null, "NEW", "2026-12-10");
        ticket("BIL-05", "已关闭", "ST1", "ST1-R", "CLOSED", "2026-11-01");
        morningOf("2026-11-30"); // Monday; 3 working days ahead is 12-03

        int written = digest.run();
        dispatcher.dispatchDue();

        assertThat(written).isEqualTo(3);
        assertThat(recipients())
                .as("the ST2 team has nothing open: no mail")
                .containsExactlyInAnyOrder("leader1@example.com", "member1@example.com", "station1@example.com");
        MimeMessage team = onlyMailTo("leader1@example.com");
        assertThat(team.getSubject())
                .contains("稽查日报", "城关抄表班", "2026-11-30", "未结工单 4 张", "逾期 1 张", "Daily digest", "4 open, 1 overdue");
        String body = text(team);
        assertThat(body)
                .contains(
                        "以下是 城关抄表班（ST1-R）及下属单位",
                        "待整改 / awaiting rectification: 2",
                        "退回重改 / returned for rework: 1",
                        "已反馈待核实 / feedback awaiting verification: 1",
                        "合计 / Total: 4",
                        "#" + overdue + " ",
                        "#" + dueSoon + " ",
                        "逾期 2 个工作日 / 2 working day(s) overdue")
                .doesNotContain("#" + stationOnly + " ", "BIL-05");
        String dueSoonPart = body.substring(body.indexOf("Due within"), body.indexOf("已逾期 / Overdue"));
        assertThat(dueSoonPart).contains("#" + dueSoon + " ").doesNotContain("#" + later + " ", "#" + feedback + " ");
        assertThat(text(onlyMailTo("station1@example.com")))
                .contains("待派发 / awaiting dispatch: 1", "合计 / Total: 5")
                .doesNotContainPattern("\\b(NEW|DISPATCHED|RETURNED|FEEDBACK_SUBMITTED)\\b");

        assertThat(digest.run()).as("one digest per user and day").isZero();
        dispatcher.dispatchDue();
        assertThat(mailServer.getReceivedMessages()).hasSize(3);
    }

    @Test
    void theNoticeJobsRunOnTheirCronsInShanghaiTimeFromTheJdbcStore() throws Exception {
        assertThat(cron("outbox-dispatcher")).isEqualTo("0 * * * * ?");
        assertThat(cron("overdue-check")).isEqualTo("0 0 7 * * ?");
        assertThat(cron("team-digest")).isEqualTo("0 30 7 * * ?");
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("overdue-check", "jicha-notify")))
                        .getTimeZone()
                        .getID())
                .isEqualTo("Asia/Shanghai");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = 'jicha-notify'", Long.class))
                .isEqualTo(3L);
    }

    private String cron(String name) throws Exception {
        return ((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(name, "jicha-notify"))).getCronExpression();
    }

    private void morningOf(String date) {
        clock.setShanghai(LocalDate.parse(date).atTime(7, 0));
    }

    private void user(String name, String display, Role role, String unit, boolean leader) {
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser(name, "password-" + name, display, role, unit, name + "@example.com", leader));
    }

    private long ticket(String rule, String title, String station, String team, String status, String dueOn) {
        jdbc.update(
                "INSERT INTO inspection_tickets (fingerprint, rule_code, theme, severity, title, subject_type, "
                        + "subject_id, customer_no, period, station_code, team_kind, team_unit_code, message, status, "
                        + "opened_at, due_on, first_run_id, last_seen_run_id) "
                        + "VALUES (?, ?, 'BIL', 'MAJOR', ?, 'METER', ?, 'C1', NULL, ?, 'READING', ?, '测试', ?, ?, ?, 1, 1)",
                rule + "|" + station + "|" + dueOn,
                rule,
                title,
                "M-" + rule,
                station,
                team,
                status,
                LocalDateTime.of(2026, 9, 1, 8, 0),
                Date.valueOf(dueOn));
        return jdbc.queryForObject(
                "SELECT id FROM inspection_tickets WHERE fingerprint = ?",
                Long.class,
                rule + "|" + station + "|" + dueOn);
    }

    private List<String> recipients() throws Exception {
        return Arrays.stream(mailServer.getReceivedMessages())
                .flatMap(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .map(Object::toString);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> to = Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equals(address);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(to).as("mails to " + address).hasSize(1);
        return to.get(0);
    }

    static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }
}
