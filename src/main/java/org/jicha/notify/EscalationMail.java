package org.jicha.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The mail of one escalation level to one recipient, listing every ticket newly escalated to them in this
 * run. Plain text, Chinese first with English below.
 */
final class EscalationMail {

    private EscalationMail() {}

    static NewMail compose(
            int level, Recipient to, List<EscalatedTicket> tickets, LocalDate today, NotifyProperties properties) {
        int n = tickets.size();
        boolean supervisor = level == OverduePolicy.SUPERVISOR;
        String subject = supervisor
                ? "【稽查督办·二级】" + n + " 张稽查工单逾期超过 " + properties.escalateToSupervisorAfter()
                        + " 个工作日 / [Escalation level 2] " + n + " inspection ticket(s) more than "
                        + properties.escalateToSupervisorAfter() + " working days overdue"
                : "【稽查督办·一级】" + n + " 张稽查工单已逾期 / [Escalation level 1] " + n + " inspection ticket(s) overdue";
        StringBuilder body = new StringBuilder();
        body.append(TicketLines.oneLine(to.displayName())).append("，您好：\n\n");
        if (supervisor) {
            body.append("以下稽查工单逾期已超过 ")
                    .append(properties.escalateToSupervisorAfter())
                    .append(" 个工作日，现升级至您督办，请督促责任单位尽快整改。\n");
            body.append("Hello ")
                    .append(TicketLines.oneLine(to.username()))
                    .append(", the inspection tickets below are more than ")
                    .append(properties.escalateToSupervisorAfter())
                    .append(
                            " working days past their deadline and are escalated to you: please have them rectified.\n\n");
        } else {
            body.append("以下稽查工单已超过整改期限，请尽快安排整改并在系统中反馈。\n");
            body.append("Hello ")
                    .append(TicketLines.oneLine(to.username()))
                    .append(", the inspection tickets below are past their deadline: please have them rectified and "
                            + "report back in Jicha.\n\n");
        }
        body.append("逾期工单 / Overdue tickets (")
                .append(n)
                .append("), 截至 / as of ")
                .append(today)
                .append(":\n\n");
        TicketLines.appendAll(
                body,
                tickets,
                e -> TicketLines.block(
                                e.ticket(),
                                "整改期限 / Due: " + e.ticket().dueOn() + "    逾期 " + e.workingDaysOverdue() + " 个工作日 / "
                                        + e.workingDaysOverdue() + " working day(s) overdue",
                                properties)
                        + "\n");
        if (!supervisor) {
            body.append("逾期超过 ")
                    .append(properties.escalateToSupervisorAfter())
                    .append(" 个工作日的工单将升级至管理人员。\n")
                    .append("Tickets more than ")
                    .append(properties.escalateToSupervisorAfter())
                    .append(" working days overdue are escalated to the supervisors.\n\n");
        }
        body.append("本邮件由稽查系统自动发送，请勿回复。\nThis mail was sent by Jicha; please do not reply.\n");
        String key = "ESCALATE:L" + level + ":" + to.username() + ":" + today + ":" + fingerprint(tickets);
        return new NewMail(
                supervisor ? MailKind.ESCALATION_L2 : MailKind.ESCALATION_L1,
                to.email(),
                subject,
                body.toString(),
                key);
    }

    /** The same tickets escalated on the same day to the same person give the same key. */
    private static String fingerprint(List<EscalatedTicket> tickets) {
        String ids = tickets.stream()
                .map(e -> e.ticket().id())
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
