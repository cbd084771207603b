package org.jicha.tools.bench;

/**
 * The incremental phase: the batch's next-night delta extract loaded, then as of the next day an incremental run
 * (on the full audit as its base) and, for comparison, a full run; their wall times, how many customers the
 * incremental run evaluated and how many findings it carried from its base, and whether both runs wrote the same
 * findings (same fingerprints, none missing on either side).
 *
 * @param note why there is no figure (the batch has no next-night extract); null when measured
 * @param mode the mode the incremental run ended up in: INCREMENTAL, or FULL when it found no base (a problem)
 */
public record IncrementalFigures(
        String note,
        long deltaRows,
        long deltaLoadMillis,
        long incrementalRunId,
        String mode,
        long evaluated,
        long carried,
        long incrementalMillis,
        long incrementalFindings,
        long fullRunId,
        long fullMillis,
        long fullFindings,
        long onlyIncremental,
        long onlyFull,
        long peakHeapBytes) {

    static IncrementalFigures notMeasured(String note) {
        return new IncrementalFigures(note, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean measured() {
        return note == null;
    }

    /** The incremental run's wall time over the full run's (the goal: at most 0.10 with 3 % changed). */
    public double costRatio() {
        return fullMillis == 0 ? Double.NaN : (double) incrementalMillis / fullMillis;
    }

    public boolean sameFindings() {
        return onlyIncremental == 0 && onlyFull == 0 && incrementalFindings == fullFindings;
    }
}
