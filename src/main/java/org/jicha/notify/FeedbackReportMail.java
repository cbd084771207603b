package org.jicha.notify;

import java.util.List;
import java.util.Objects;
import org.jicha.people.AppUser;
import org.jicha.people.AppUserRepository;
import org.jicha.people.Role;
import org.jicha.people.UnitTree;
import org.jicha.reports.FeedbackReportArchived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails each archived monthly feedback report (信息反馈) to the team it is about: every enabled TEAM user with
 * an e-mail address bound to the team or to a unit above it (the station's manager), XLSX and PDF attached,
 * through the outbox. Keyed by period, team and user, so re-archiving a month mails nobody twice.
 */
@Component
class FeedbackReportMail {

    private final AppUserRepository users;
    private final UnitTree units;
    private final Outbox outbox;

    FeedbackReportMail(AppUserRepository users, UnitTree units, Outbox outbox) {
        this.users = users;
        this.units = units;
        this.outbox = outbox;
    }

    @EventListener
    void archived(FeedbackReportArchived report) {
        List<String> teamAndAbove = units.ancestry(report.teamUnitCode());
        for (AppUser user : users.findByRoleAndEnabledTrue(Role.TEAM)) {
            if (user.getEmail() == null || !teamAndAbove.contains(user.getUnitCode())) {
                continue;
            }
            outbox.enqueue(mail(report, user));
        }
    }

    static NewMail mail(FeedbackReportArchived report, AppUser to) {
        String subject = "【稽查信息反馈】" + report.period() + " " + report.teamUnitCode() + " / Audit feedback report "
                + report.period();
        String body = to.getDisplayName() + "：\n\n"
                + "附件是 " + report.teamUnitCode() + " " + report.period() + " 的稽查信息反馈报告（XLSX 与 PDF）：\n"
                + "每张督办单的问题、错在哪里、如何整改和整改期限，以及本班组的指标与上月、与本所的对比。\n\n"
                + "Attached is the audit feedback report of " + report.teamUnitCode() + " for " + report.period()
                + " (XLSX and PDF): each ticket with what is wrong, why, how to fix it and the deadline, and the "
                + "team's ratios against last month and its station.\n\n— 稽查 Jicha";
        return new NewMail(
                MailKind.FEEDBACK_REPORT,
                Objects.requireNonNull(to.getEmail()),
                subject,
                body,
                "FEEDBACK:" + report.period() + ":" + report.teamUnitCode() + ":" + to.getUsername(),
                report.paths());
    }
}
