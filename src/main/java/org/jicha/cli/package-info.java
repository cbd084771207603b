/**
 * The command line, no server: {@code java -jar target/jicha.jar audit --data DIR --as-of DATE
 * --findings-csv FILE}, which loads a batch into a throw-away database, audits it and writes the findings
 * as CSV; and {@code sample-data --out DIR}, which regenerates the sample batch. Exit codes: 0 done,
 * 1 failure, 2 bad arguments.
 */
package org.jicha.cli;
