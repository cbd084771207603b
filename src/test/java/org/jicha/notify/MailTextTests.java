package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jicha.people.Role;
import org.junit.jupiter.api.Test;

/**
 * The mails read Chinese first, English below, and data cannot break their layout; each ticket names its rule and
 * its subject in both languages.
 */
class MailTextTests {

    private final NotifyProperties properties = OutboxDispatcherTests.properties();
    private final Recipient leader =
            new Recipient("qc01re", "王欣（城关抄表班班长）", "qc01re@example.com", Role.TEAM, "ST1-R", true);

    @Test
    void anEscalationListsEveryTicketWithItsWorkingDaysOverdueAndLink() {
        NewMail mail = EscalationMail.compose(
                1,
                leader,
                List.of(
                        new EscalatedTicket(ticket(7, "抄表数据异常\n伪造的一行"), 2),
                        new EscalatedTicket(ticket(9, "电价执行错误"), 1)),
                LocalDate.of(2026, 11, 30),
                properties);

        assertThat(mail.kind()).isEqualTo(MailKind.ESCALATION_L1);
        assertThat(mail.recipient()).isEqualTo("qc01re@example.com");
        assertThat(mail.subject()).startsWith("【稽查督办·一级】2 张").contains("/ [Escalation level 1] 2 ");
        assertThat(mail.body())
                .startsWith("王欣（城关抄表班班长），您好")
                .contains(
                        "#7  BIL-01  抄表数据异常 伪造的一行 / Meter not read for the period",
                        "对象 / Subject: 电能表 / Meter M7（客户 / customer C7）",
                        "逾期 2 个工作日 / 2 working day(s) overdue",
                        "链接 / Link: http://jicha.example.com/tickets/7",
                        "#9",
                        "逾期 1 个工作日")
                .doesNotContain("\n伪造", "METER");
        assertThat(mail.body().indexOf("请尽快安排整改")).isLessThan(mail.body().indexOf("please have them rectified"));
        assertThat(mail.dedupKey()).startsWith("ESCALATE:L1:qc01re:2026-11-30:");
    }

    @Test
    void theSameTicketsGiveTheSameDedupKeyAndOthersAnother() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        String a = EscalationMail.compose(2, leader, List.of(new EscalatedTicket(ticket(1, "x"), 5)), day, properties)
                .dedupKey();
        String b = EscalationMail.compose(2, leader, List.of(new EscalatedTicket(ticket(1, "x"), 5)), day, properties)
                .dedupKey();
        String c = EscalationMail.compose(2, leader, List.of(new EscalatedTicket(ticket(2, "x"), 5)), day, properties)
                .dedupKey();

        assertThat(a).isEqualTo(b).isNotEqualTo(c).startsWith("ESCALATE:L2:");
    }

    private static OverdueTicket ticket(long id, String title) {
        return new OverdueTicket(
                id,
                "BIL-01",
                title,
                "Meter not read for the period",
                "METER",
                "M" + id,
                "C" + id,
                "ST1",
                "ST1-R",
                "DISPATCHED",
                LocalDate.of(2026, 11, 20),
                0);
    }
}
