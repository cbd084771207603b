package org.jicha.rules;

/**
 * The six audit themes of the source article (营销稽查的主要内容); their names are {@code theme.<code>} in the
 * message bundles.
 */
public enum Theme {
    BIL,
    BUS,
    INS,
    MET,
    EXP,
    IMP
}
