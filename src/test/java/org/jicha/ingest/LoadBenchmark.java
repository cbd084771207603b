package org.jicha.ingest;

import java.nio.file.Path;

/**
 * Loads one batch folder twice (into an empty database, then unchanged) into the database of a JDBC URL and
 * prints each file's rows per second: the measurement behind issue 6's loading figures. Not a test (timings
 * never are), and no Spring context ({@link StandaloneLoader}): run it by hand,
 * {@code java -cp target/test-classes:target/classes:<deps> org.jicha.ingest.LoadBenchmark DIR URL}, on an
 * empty database (a new H2 file; for PostgreSQL a new schema named in {@code currentSchema}, user postgres).
 */
public final class LoadBenchmark {

    private LoadBenchmark() {}

    public static void main(String[] args) {
        Path batch = Path.of(args[0]);
        String url = args[1];
        boolean postgres = url.startsWith("jdbc:postgresql:");
        try (StandaloneLoader standalone = StandaloneLoader.on(url)) {
            BatchLoader loader = standalone.loader();
            for (int round = 1; round <= 2; round++) {
                long began = System.nanoTime();
                LoadResult result = loader.load(batch);
                long millis = (System.nanoTime() - began) / 1_000_000;
                System.out.printf(
                        "%n%s load %d (%s): %s, %d rows accepted, %d rejected, %d ms in all%n",
                        postgres ? "PostgreSQL" : "H2",
                        round,
                        round == 1 ? "into an empty database" : "the same batch again, nothing changes",
                        result.status(),
                        result.rowsAccepted(),
                        result.rowsRejected(),
                        millis);
                System.out.printf("%-24s %10s %10s %12s%n", "file", "rows", "ms", "rows/s");
                for (FileResult file : result.files()) {
                    System.out.printf(
                            "%-24s %10d %10d %12.0f%s%n",
                            file.fileName(),
                            file.rowsAccepted(),
                            file.millis(),
                            file.rowsPerSecond(),
                            file.fault() == null ? "" : "  " + file.fault());
                }
            }
        }
    }
}
