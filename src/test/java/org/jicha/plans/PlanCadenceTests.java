package org.jicha.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.jicha.plans.PlanCadence.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

class PlanCadenceTests {

    private static final LocalTime THREE = LocalTime.of(3, 0);

    @Test
    void eachCadenceBecomesAQuartzCronAndIsReadBackFromIt() {
        for (PlanCadence c : new PlanCadence[] {
            PlanCadence.daily(LocalTime.of(2, 0)),
            PlanCadence.weekly(DayOfWeek.MONDAY, THREE),
            PlanCadence.monthly(1, THREE),
            PlanCadence.monthly(PlanCadence.LAST_DAY, LocalTime.of(23, 30)),
            PlanCadence.quarterly(1, THREE),
            PlanCadence.yearly(12, 31, THREE)
        }) {
            assertThat(CronExpression.isValidExpression(c.toCron()))
                    .as(c.toCron())
                    .isTrue();
            assertThat(PlanCadence.of(c.toCron())).contains(c);
        }
        assertThat(PlanCadence.monthly(1, THREE).toCron()).isEqualTo("0 0 3 1 * ?");
        assertThat(PlanCadence.quarterly(1, THREE).toCron()).isEqualTo("0 0 3 1 1/3 ?");
        assertThat(PlanCadence.weekly(DayOfWeek.MONDAY, THREE).toCron()).isEqualTo("0 0 3 ? * MON");
    }

    @Test
    void theCronsPeopleWriteAreReadAsWell() {
        assertThat(PlanCadence.of("0 0 2 * * ?")).contains(PlanCadence.daily(LocalTime.of(2, 0)));
        assertThat(PlanCadence.of("0 0 3 ? * 2")).contains(PlanCadence.weekly(DayOfWeek.MONDAY, THREE));
        assertThat(PlanCadence.of("0 0 3 ? * sun *")).contains(PlanCadence.weekly(DayOfWeek.SUNDAY, THREE));
        assertThat(PlanCadence.of("0 0 3 1 1,4,7,10 ?")).contains(PlanCadence.quarterly(1, THREE));
        assertThat(PlanCadence.of("0 0 3 1 JAN,APR,JUL,OCT ?")).contains(PlanCadence.quarterly(1, THREE));
        assertThat(PlanCadence.of("0 0 3 L * ?")).contains(PlanCadence.monthly(PlanCadence.LAST_DAY, THREE));
        assertThat(PlanCadence.of(" 0 30 2 15 JUN ? ")).contains(PlanCadence.yearly(6, 15, LocalTime.of(2, 30)));
        assertThat(PlanCadence.of("0 0 3 1 * ?").orElseThrow().frequency()).isEqualTo(Frequency.MONTHLY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "30 0 3 1 * ?", // seconds
                "0 0/15 * * * ?", // every quarter of an hour
                "0 0 3,15 1 * ?", // two times a day
                "0 0 3 1-5 * ?", // a range of days
                "0 0 3 ? * MON-FRI", // working days
                "0 0 3 1 2/2 ?", // every other month
                "0 0 3 1 * ? 2027", // one year only
                "0 0 3 LW * ?",
                "not a cron",
                ""
            })
    void anythingElseHasNoWords(String cron) {
        assertThat(PlanCadence.of(cron)).isEmpty();
    }
}
