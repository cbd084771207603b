/**
 * How the rule set is kept the audit team's code, private to {@code org.jicha.rules}: the allow-list of types
 * ({@link org.jicha.rules.internal.TypeAllowList}) checked on what Drools compiled, in the bytecode of the
 * Java parts ({@link org.jicha.rules.internal.ClassFileCheck}) and the compiled MVEL expressions
 * ({@link org.jicha.rules.internal.MvelExpressionCheck}), walked rule by rule
 * ({@link org.jicha.rules.internal.CompiledRuleSetCheck}); and the safe writing of an uploaded candidate
 * rule set into the server's candidates area ({@link org.jicha.rules.internal.CandidateFolder}).
 */
package org.jicha.rules.internal;
