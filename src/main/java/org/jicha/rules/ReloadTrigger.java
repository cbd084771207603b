package org.jicha.rules;

/** Who asked for a rule-set (re)load. */
public enum ReloadTrigger {
    STARTUP,
    WATCH,
    API
}
