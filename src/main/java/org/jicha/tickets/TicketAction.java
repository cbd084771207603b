package org.jicha.tickets;

import java.util.Locale;

/**
 * What can be done to a ticket. The first eight are done by people on one ticket (who, and in which state, is
 * {@link TicketTransitions}); the next three only by the system, when a re-audit closes the loop; the last two by
 * an auditor on a run's tickets at once (confirm or withdraw what the brake held, withdraw a run).
 */
public enum TicketAction {
    DISPATCH("派单", "dispatch"),
    SUBMIT_FEEDBACK("提交整改反馈", "submit feedback"),
    REJECT_SCOPE("退回（非本单位职责）", "reject as not ours"),
    VERIFY("验证通过", "verify"),
    RETURN("退回整改", "return for rework"),
    CLOSE("关闭", "close"),
    MARK_FALSE_POSITIVE("认定误报", "mark false positive"),
    EXEMPT("批准豁免", "exempt"),
    AUTO_VERIFY("复查自动验证", "re-audit verifies"),
    REOPEN("重新打开", "reopen"),
    FLAG("提醒稽查人员", "flag for the auditor"),
    CONFIRM("确认派发", "confirm"),
    WITHDRAW("撤回", "withdraw");

    private final String zh;
    private final String en;

    TicketAction(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Only the system does it (re-audit). */
    public boolean isSystemOnly() {
        return this == AUTO_VERIFY || this == REOPEN || this == FLAG;
    }

    /** Done on a run's tickets at once (per run and rule, or the whole run), never on one ticket. */
    public boolean isRunLevel() {
        return this == CONFIRM || this == WITHDRAW;
    }

    /**
     * The action named in a URL: {@code submit-feedback}, {@code SUBMIT_FEEDBACK} and {@code submit_feedback}
     * all work.
     *
     * @throws IllegalArgumentException naming the unknown action
     */
    public static TicketAction parse(String name) {
        String normal = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TicketAction a : values()) {
            if (a.name().equals(normal)) {
                return a;
            }
        }
        throw new IllegalArgumentException("没有此操作 / action: no such action \"" + name + "\"");
    }
}
