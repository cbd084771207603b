package org.jicha.rules.candidates;

/** What came of compiling a candidate rule set when it was uploaded. */
public enum CandidateOutcome {
    /** It compiled and passed every check, the allow-list of types included: it can be previewed. */
    COMPILED,
    /** It has problems (file:line), listed with it; a preview answers them again. */
    REJECTED
}
