/**
 * Issue 6 item 2: the benchmark harness. {@link org.jicha.bench.Benchmark} loads a generated batch with the real
 * loader, runs the full audit and the Drools / SQL / Java comparison of {@code compare} on the same data, and
 * reports load rows per second per file, the audit's wall time, subjects and findings per second and the peak heap
 * of each phase as a {@link org.jicha.bench.BenchmarkReport} (a Markdown table and CSV rows). Uses {@code ingest},
 * {@code audit} and {@code compare}; only {@code cli} (the {@code bench} command) uses it. Timing only: it changes
 * nothing it measures.
 */
package org.jicha.bench;
