package org.jicha.notify;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.config.Labels;
import org.jicha.tickets.TicketStatus;

/**
 * The daily digest of one team user: the open tickets of their unit and the units below it, counted by
 * status, then those due soon and those overdue. Plain text, Chinese first with English below.
 */
final class DigestMail {

    private DigestMail() {}

    /** The digest's content, computed before it is written. */
    record Digest(
            Recipient to,
            String unitCode,
            String unitName,
            LocalDate today,
            int dueSoonDays,
            List<OverdueTicket> open,
            List<OverdueTicket> dueSoon,
            List<EscalatedTicket> overdue) {}

    static NewMail compose(Digest d, NotifyProperties properties) {
        String unit = TicketLines.oneLine(d.unitName()) + "（" + d.unitCode() + "）";
        String subject = "【稽查日报】" + TicketLines.oneLine(d.unitName()) + " " + d.today() + "：未结工单 "
                + d.open().size()
                + " 张，逾期 " + d.overdue().size() + " 张 / [Daily digest] " + d.unitCode() + " " + d.today() + ": "
                + d.open().size() + " open, " + d.overdue().size() + " overdue";
        StringBuilder body = new StringBuilder();
        body.append(TicketLines.oneLine(d.to().displayName()))
                .append("，您好：\n\n")
                .append("以下是 ")
                .append(unit)
                .append("及下属单位截至 ")
                .append(d.today())
                .append(" 的未结稽查工单。\n")
                .append("Hello ")
                .append(d.to().username())
                .append(", these are the open inspection tickets of ")
                .append(d.unitCode())
                .append(" and the units below it as of ")
                .append(d.today())
                .append(".\n\n");
        body.append("按状态 / By status:\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TicketStatus s : TicketStatus.values()) {
            int c = (int)
                    d.open().stream().filter(t -> t.status().equals(s.name())).count();
            if (c > 0) {
                counts.put(s.name(), c);
            }
        }
        counts.forEach((status, c) -> body.append("  ")
                .append(Labels.zh("mail.status." + status))
                .append(" / ")
                .append(Labels.en("mail.status." + status))
                .append(": ")
                .append(c)
                .append("\n"));
        body.append("  合计 / Total: ").append(d.open().size()).append("\n\n");

        body.append(d.dueSoonDays())
                .append(" 个工作日内到期 / Due within ")
                .append(d.dueSoonDays())
                .append(" working days (")
                .append(d.dueSoon().size())
                .append("):\n");
        if (d.dueSoon().isEmpty()) {
            body.append("  无 / none\n");
        }
        TicketLines.appendAll(
                body,
                d.dueSoon(),
                t -> TicketLines.block(
                        t,
                        "整改期限 / Due: " + t.dueOn() + "    状态 / Status: " + Labels.zh("mail.status." + t.status())
                                + " / " + Labels.en("mail.status." + t.status()),
                        properties));
        body.append("\n已逾期 / Overdue (").append(d.overdue().size()).append("):\n");
        if (d.overdue().isEmpty()) {
            body.append("  无 / none\n");
        }
        TicketLines.appendAll(
                body,
                d.overdue(),
                e -> TicketLines.block(
                        e.ticket(),
                        "整改期限 / Due: " + e.ticket().dueOn() + "    逾期 " + e.workingDaysOverdue() + " 个工作日 / "
                                + e.workingDaysOverdue() + " working day(s) overdue",
                        properties));
        body.append("\n本邮件由稽查系统每日自动发送，请勿回复。\nThis daily mail was sent by Jicha; please do not reply.\n");
        return new NewMail(
                MailKind.DIGEST,
                d.to().email(),
                subject,
                body.toString(),
                "DIGEST:" + d.to().username() + ":" + d.today());
    }
}
