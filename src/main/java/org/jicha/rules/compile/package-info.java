/**
 * Compiling a rules folder: its files and content hash ({@link org.jicha.rules.compile.RuleFolder}), the catalogue
 * metadata of each rule ({@link org.jicha.rules.compile.RuleMetadata}), the parameters file and the check of each
 * value against how the rules read it ({@link org.jicha.rules.compile.ParameterCheck}), descriptions that must
 * agree with the parameters they name ({@link org.jicha.rules.compile.DescriptionCheck}), and the allow-list of
 * types checked on what Drools compiled ({@link org.jicha.rules.compile.TypeAllowList},
 * {@link org.jicha.rules.compile.CompiledRuleSetCheck}), so that the audit team's code stays their code.
 */
package org.jicha.rules.compile;
