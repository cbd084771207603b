/**
 * The rules' REST interface: the catalogue and reload ({@code /api/rules}), candidate uploads
 * ({@code /api/rules/candidates}), and how their refusals map to problem details.
 */
package org.jicha.rules.web;
