package org.jicha.notify;

import java.util.Objects;
import org.jicha.audit.DataGap;
import org.jicha.audit.RunHeld;
import org.jicha.audit.RunTrigger;
import org.jicha.config.Labels;
import org.jicha.people.AppUser;
import org.jicha.people.AppUserRepository;
import org.jicha.people.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the auditors (every enabled AUDITOR with an e-mail address) that a nightly or plan run was held because its
 * period's data has not arrived, station by station, through the outbox in the transaction that recorded the held
 * run. Keyed by run and user: one mail per held run each.
 */
@Component
class HeldRunMail {

    private final AppUserRepository users;
    private final Outbox outbox;
    private final NotifyProperties properties;

    HeldRunMail(AppUserRepository users, Outbox outbox, NotifyProperties properties) {
        this.users = users;
        this.outbox = outbox;
        this.properties = properties;
    }

    @EventListener
    void held(RunHeld run) {
        for (AppUser user : users.findByRoleAndEnabledTrue(Role.AUDITOR)) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                outbox.enqueue(mail(run, user, properties.baseUrl()));
            }
        }
    }

    static NewMail mail(RunHeld run, AppUser to, String baseUrl) {
        String subject = "【稽查待数据】运行 " + run.runId() + "（稽查月份 " + run.auditedPeriod() + "）数据未到齐，未稽查"
                + " / [Audit held] run " + run.runId() + " (" + run.auditedPeriod() + "): data not arrived";
        StringBuilder body = new StringBuilder(TicketLines.oneLine(to.getDisplayName()))
                .append("：\n\n")
                .append("稽查运行 ")
                .append(run.runId())
                .append("（")
                .append(trigger(run, false))
                .append("，基准日 ")
                .append(run.asOf())
                .append("，稽查月份 ")
                .append(run.auditedPeriod())
                .append("）因数据未到齐而暂停，")
                .append("未开任何督办单。以下供电所缺少数据：\n");
        for (DataGap g : run.gaps()) {
            body.append("  ").append(TicketLines.oneLine(g.describeZh())).append("\n");
        }
        body.append("\n下一次夜间稽查会再次检查；数据到齐前如确需稽查，稽查人员可在运行页面说明理由后强制执行：\n")
                .append(baseUrl)
                .append("/runs/")
                .append(run.runId())
                .append("\n\n")
                .append("Audit run ")
                .append(run.runId())
                .append(" (")
                .append(trigger(run, true))
                .append(", as of ")
                .append(run.asOf())
                .append(", period ")
                .append(run.auditedPeriod())
                .append(") was held: the data has not arrived, no ticket was opened. Stations lacking data:\n");
        for (DataGap g : run.gaps()) {
            body.append("  ").append(TicketLines.oneLine(g.describeEn())).append("\n");
        }
        body.append(
                "The next nightly run checks again; an auditor may force the run with a reason on its page.\n\n— 稽查 Jicha");
        return new NewMail(
                MailKind.RUN_HELD,
                Objects.requireNonNull(to.getEmail()),
                subject,
                body.toString(),
                "RUN_HELD:" + run.runId() + ":" + to.getUsername());
    }

    /** How the run was started, by its name in the bundles ({@code runs.trigger.*}); a plan with its id. */
    private static String trigger(RunHeld run, boolean english) {
        String key = "runs.trigger." + run.trigger().name();
        String name = english ? Labels.en(key) : Labels.zh(key);
        return run.trigger() == RunTrigger.PLAN ? name + " " + run.planId() : name;
    }
}
