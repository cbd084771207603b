/**
 * The benchmark harness behind the {@code bench} command. {@link Benchmark} loads a generated batch with the real
 * loader, runs the full audit, an incremental run over the next night's extract and the Drools / SQL / Java
 * comparison of {@code tools.compare} on the same data, and reports load rows per second per file, the audit's
 * wall time, subjects and findings per second and the peak heap of each phase as a {@link BenchmarkReport} (a
 * Markdown table and CSV rows). Timing only: it changes nothing it measures. Only {@code cli} uses it.
 */
package org.jicha.tools.bench;
