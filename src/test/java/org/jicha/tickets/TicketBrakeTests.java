package org.jicha.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The brake's rule per audited period: held above min-new AND above factor x the median of earlier periods. */
class TicketBrakeTests {

    private static final BrakeProperties DEFAULTS = new BrakeProperties(5, 50, 6);

    @Test
    void aRunOpeningFarMoreThanTheRulesEarlierPeriodsIsHeld() {
        TicketBrake.Judgement j = TicketBrake.judge("BIL-01", 442, 0, List.of(3L, 4L, 2L, 5L, 3L, 4L), DEFAULTS);

        assertThat(j.held()).isTrue();
        assertThat(j.median()).isEqualTo(3.5);
        assertThat(j.periods()).isEqualTo(6);
        assertThat(j.periodTickets()).isEqualTo(442);
    }

    @Test
    void aRunWithinFiveTimesTheMedianGoesOut() {
        // 2,800 BIL-01 tickets a month is this rule's normal month at province scale
        assertThat(TicketBrake.judge("BIL-01", 3000, 0, List.of(2800L, 2900L, 2700L), DEFAULTS)
                        .held())
                .isFalse();
        assertThat(TicketBrake.judge("BIL-01", 100, 0, List.of(20L, 20L), DEFAULTS)
                        .held())
                .isFalse();
        assertThat(TicketBrake.judge("BIL-01", 101, 0, List.of(20L, 20L), DEFAULTS)
                        .held())
                .isTrue();
    }

    @Test
    void nothingAtOrBelowMinNewIsHeldWhateverTheHistory() {
        assertThat(TicketBrake.judge("BIL-01", 50, 0, List.of(0L, 0L, 0L), DEFAULTS)
                        .held())
                .isFalse();
        assertThat(TicketBrake.judge("BIL-01", 51, 0, List.of(0L, 0L, 0L), DEFAULTS)
                        .held())
                .isTrue();
    }

    @Test
    void theNightsAfterTheMonthsFirstRunAreComparedWithTheWholePeriod() {
        // the month's first run opened 2,800; tonight 60 more: 2,860 in the period is a normal month
        assertThat(TicketBrake.judge("BIL-01", 60, 2800, List.of(2800L, 2700L), DEFAULTS)
                        .held())
                .isFalse();
        // a late extract: tonight's 20,000 more make the period far above its usual size
        assertThat(TicketBrake.judge("BIL-01", 20000, 2800, List.of(2800L, 2700L), DEFAULTS)
                        .held())
                .isTrue();
    }

    @Test
    void aRuleWithoutEarlierPeriodsIsHeldAboveMinNewAlone() {
        TicketBrake.Judgement first = TicketBrake.judge("BIL-01", 51, 0, List.of(), DEFAULTS);

        assertThat(first.held()).isTrue();
        assertThat(first.median()).isNull();
        assertThat(first.periods()).isZero();
        assertThat(TicketBrake.judge("BIL-01", 50, 0, List.of(), DEFAULTS).held())
                .isFalse();
    }

    @Test
    void theMedianOfAnEvenNumberOfPeriodsIsTheMeanOfTheMiddleTwo() {
        assertThat(TicketBrake.median(List.of(1L, 9L, 3L, 5L))).isEqualTo(4.0);
        assertThat(TicketBrake.median(List.of(7L))).isEqualTo(7.0);
    }
}
