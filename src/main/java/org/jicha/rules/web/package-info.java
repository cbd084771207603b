/**
 * The rules' web interface: the REST catalogue and reload ({@code /api/rules}), candidate uploads
 * ({@code /api/rules/candidates}), the rules pages (catalogue, a rule, reload, candidates) and the rules'
 * statistics as JSON; the figures themselves come from the audit through {@link org.jicha.rules.web.RuleStatistics}.
 */
package org.jicha.rules.web;
