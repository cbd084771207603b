/**
 * The rules pages (catalogue, a rule, reload, candidates) and the rules' statistics as JSON; the figures
 * themselves come from the audit through {@link org.jicha.rules.web.RuleStatistics}.
 */
package org.jicha.rules.web;
