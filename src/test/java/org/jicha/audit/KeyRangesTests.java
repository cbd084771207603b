package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.jicha.audit.KeyRanges.Positions;
import org.jicha.audit.KeyRanges.Range;
import org.junit.jupiter.api.Test;

class KeyRangesTests {

    /** Customer numbers C001, C002 ... by position. */
    private static String key(long position) {
        return String.format("C%03d", position);
    }

    private static List<Range> split(long customers, int n) {
        return KeyRanges.ranges(KeyRanges.positions(customers, n), KeyRangesTests::key);
    }

    @Test
    void evenCustomersSplitIntoEqualRangesOpenAtBothOuterEnds() {
        assertThat(KeyRanges.positions(12, 3))
                .containsExactly(new Positions(1, 4), new Positions(5, 8), new Positions(9, 12));
        assertThat(split(12, 3))
                .containsExactly(new Range(null, "C004"), new Range("C005", "C008"), new Range("C009", null));
    }

    @Test
    void unevenCustomersGiveRangesThatDifferByAtMostOneAndCoverEveryPositionOnce() {
        List<Positions> ranges = KeyRanges.positions(10, 3);
        assertThat(ranges).containsExactly(new Positions(1, 3), new Positions(4, 6), new Positions(7, 10));
        long[] covered = ranges.stream()
                .flatMapToLong(p -> LongStream.rangeClosed(p.first(), p.last()))
                .toArray();
        assertThat(covered).containsExactly(LongStream.rangeClosed(1, 10).toArray());
    }

    @Test
    void moreRangesThanCustomersGiveOneRangePerCustomer() {
        assertThat(KeyRanges.positions(2, 8)).containsExactly(new Positions(1, 1), new Positions(2, 2));
        assertThat(split(2, 8)).containsExactly(new Range(null, "C001"), new Range("C002", null));
    }

    @Test
    void oneRangeIsTheWholeTableOpenBothWays() {
        assertThat(split(5, 1)).containsExactly(new Range(null, null));
        assertThat(KeyRanges.boundaryPositions(KeyRanges.positions(5, 1))).isEmpty();
    }

    @Test
    void anEmptyTableHasNoCustomerRange() {
        assertThat(KeyRanges.positions(0, 4)).isEmpty();
        assertThat(split(0, 4)).isEmpty();
    }

    @Test
    void onlyTheInnerBoundsAreLookedUp() {
        assertThat(KeyRanges.boundaryPositions(KeyRanges.positions(12, 3))).containsExactly(4L, 5L, 8L, 9L);
    }

    @Test
    void zeroRangesIsRefused() {
        assertThatThrownBy(() -> KeyRanges.positions(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
