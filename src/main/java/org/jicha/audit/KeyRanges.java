package org.jicha.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Splits {@code count} customers, in key order, into at most {@code n} ranges of about equal size (sizes differ
 * by at most one). A range names its first and last customer by position (1-based); the first range is open
 * below and the last open above, so a customer inserted after the split still belongs to one range.
 */
final class KeyRanges {

    /** Positions (1-based, inclusive) of one range in the ordered customers. */
    record Positions(long first, long last) {}

    /** A customer_no range, both ends inclusive; null = open. */
    record Range(String firstKey, String lastKey) {}

    private KeyRanges() {}

    /** min(n, count) ranges covering positions 1..count; none for no customers. */
    static List<Positions> positions(long count, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a run needs at least one partition, not " + n);
        }
        long parts = Math.min(n, count);
        List<Positions> result = new ArrayList<>();
        for (long p = 0; p < parts; p++) {
            result.add(new Positions(p * count / parts + 1, (p + 1) * count / parts));
        }
        return result;
    }

    /** The positions whose keys {@link #ranges} needs: every inner bound. */
    static List<Long> boundaryPositions(List<Positions> positions) {
        List<Long> needed = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                needed.add(positions.get(i).first());
            }
            if (i < positions.size() - 1) {
                needed.add(positions.get(i).last());
            }
        }
        return needed;
    }

    /** The key ranges of {@code positions}, keys looked up by position; the outer ends are open (null). */
    static List<Range> ranges(List<Positions> positions, LongFunction<String> keyAt) {
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            ranges.add(new Range(
                    i == 0 ? null : keyAt.apply(positions.get(i).first()),
                    i == positions.size() - 1
                            ? null
                            : keyAt.apply(positions.get(i).last())));
        }
        return ranges;
    }
}
