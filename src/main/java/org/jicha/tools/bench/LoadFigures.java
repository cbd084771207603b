package org.jicha.tools.bench;

import java.util.List;

/**
 * The load phase: each file's figures, the wall time of the whole {@code BatchLoader.load} (files plus the load's
 * own bookkeeping), the {@code ANALYZE} that follows it on PostgreSQL (0 on H2; not part of the load's rate) and the
 * phase's peak heap.
 */
public record LoadFigures(List<FileFigures> files, long wallMillis, long analyzeMillis, long peakHeapBytes) {

    public LoadFigures {
        files = List.copyOf(files);
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileFigures::rowsAccepted).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileFigures::rowsRejected).sum();
    }

    /** Accepted rows of all files per second of the load's wall time. */
    public double rowsPerSecond() {
        return Rates.perSecond(rowsAccepted(), wallMillis);
    }
}
