package org.jicha.rules;

/** The kind of team (班组) that receives a rule's tickets, as in the data contract's units.team_kind. */
public enum TeamKind {
    READING,
    BILLING,
    COLLECTION,
    BUSINESS,
    INSPECTION,
    INSTALLATION,
    METERING,
    EXPANSION,
    SAFETY
}
