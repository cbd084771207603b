/**
 * Decision tables ({@code *.drl.xlsx}) the audit team edits in Excel: compiled from a normalised copy
 * ({@link org.jicha.rules.tables.TableNormaliser}: what Excel, WPS or LibreOffice saved reads the same) with
 * errors named by their sheet, row and column heading ({@link org.jicha.rules.tables.DecisionTableFile}), and
 * the writer of the two power-factor tables ({@link org.jicha.rules.tables.PfDecisionTables}).
 */
package org.jicha.rules.tables;
