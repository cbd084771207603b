package org.jicha.rules;

/** What came of an attempt to (re)load the rules folder. */
public enum ReloadOutcome {
    /** The folder compiled into a new set, which is now in force. */
    ACTIVATED,
    /** The folder holds the set already in force; nothing was swapped. */
    UNCHANGED,
    /** The folder has problems; the set in force stays. */
    REJECTED
}
