/**
 * The command line, no server: {@code java -jar target/jicha.jar audit --data DIR --as-of DATE
 * --findings-csv FILE}, which loads a batch into a throw-away H2 file database in a temporary folder
 * ({@link ScratchDatabase}, deleted at exit and on Ctrl-C), audits it and writes the findings as
 * CSV; {@code sample-data --out DIR}, which regenerates the sample batch; {@code generate}, the province-scale batch (both from {@code tools.generator});
 * {@code rules test|check|diff}; and {@code bench --data DIR --db h2|postgres --as-of DATE}, the benchmark harness
 * ({@code tools.bench}) on a fresh database. Exit codes: 0 done, 1 failure, 2 bad arguments.
 * The only package that may import {@code org.jicha.tools}: it wires the tools into the jar's commands.
 */
package org.jicha.cli;
