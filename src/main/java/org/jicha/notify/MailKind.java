package org.jicha.notify;

/** Why a mail was written. */
enum MailKind {
    /** Overdue tickets, level 1: to the team leader (or the auditors for tickets without a team). */
    ESCALATION_L1,
    /** Overdue tickets, level 2: to the supervisors above the ticket's station. */
    ESCALATION_L2,
    /** The daily digest of a team user's open tickets. */
    DIGEST,
    /** The monthly feedback report (信息反馈) of a team, XLSX and PDF attached. */
    FEEDBACK_REPORT,
    /** A nightly or plan run held because its period's data has not arrived: to the auditors. */
    RUN_HELD
}
