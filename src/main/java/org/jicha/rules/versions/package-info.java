/**
 * The rule set over time: every version put in force and every reload attempt recorded
 * ({@link org.jicha.rules.versions.RuleSetHistory}), and the watcher that reloads the rules folder when the
 * audit team saves a file ({@link org.jicha.rules.versions.RuleFolderWatcher}).
 */
package org.jicha.rules.versions;
