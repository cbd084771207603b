/**
 * Decision tables ({@code *.drl.xlsx}) the audit team edits in Excel: compiled with errors located at their
 * sheet, row and column ({@link org.jicha.rules.tables.DecisionTableFile}), and the writer of the two
 * power-factor tables ({@link org.jicha.rules.tables.PfDecisionTables}).
 */
package org.jicha.rules.tables;
