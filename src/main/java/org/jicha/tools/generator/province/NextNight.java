package org.jicha.tools.generator.province;

import java.time.LocalDate;
import org.jicha.tools.generator.TariffBook;

/**
 * The next night's delta extract the generator writes beside every batch, in {@value #FOLDER}/: the
 * {@code customers.csv} rows of one customer in {@value #EVERY} (3 %) as the marketing system would send them
 * the night after the batch's as-of date. Half of the changed households move from the household tariff to a
 * commercial one (so pricing rules newly fire on them), the others only change their name (a change that no
 * rule sees, which an incremental run must still read). It lets the benchmark measure an incremental run
 * against a full one on the same data (issue 6, item 4); the same seed gives the same rows.
 */
public final class NextNight {

    /** The delta extract's folder inside the batch (not read when the batch itself is loaded). */
    public static final String FOLDER = "next-night";

    static final int EVERY = 33;
    static final String RENAMED = "（更名）";

    private NextNight() {}

    /** Whether the customer of this index is in the next night's extract. */
    static boolean changes(long index) {
        return index % EVERY == 5;
    }

    /** Whether the change is the tariff (households on the household tariff, every other changed customer). */
    static boolean movesTariff(long index, String tariffCode) {
        return TariffBook.RES22.equals(tariffCode) && (index / EVERY) % 2 == 0;
    }

    /** The as-of date of the audit after the next night's load: the day after the batch's. */
    public static LocalDate asOf(LocalDate batchAsOf) {
        return batchAsOf.plusDays(1);
    }
}
