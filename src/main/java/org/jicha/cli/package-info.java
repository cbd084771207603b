/**
 * The command line, no server: {@code java -jar target/jicha.jar audit --data DIR --as-of DATE
 * --findings-csv FILE}, which loads a batch into a throw-away H2 file database in a temporary folder
 * ({@link org.jicha.cli.ScratchDatabase}, deleted at exit and on Ctrl-C), audits it and writes the findings as
 * CSV; {@code sample-data --out DIR}, which regenerates the sample batch; {@code generate}, the province-scale batch;
 * {@code rules test|check|diff}; and {@code bench --data DIR --db h2|postgres --as-of DATE}, the benchmark harness
 * ({@code org.jicha.bench}) on a fresh database. Exit codes: 0 done, 1 failure, 2 bad arguments.
 */
package org.jicha.cli;
