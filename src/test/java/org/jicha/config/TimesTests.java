package org.jicha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TimesTests {

    private final Times china = new Times(new PeopleZone(ZoneId.of("Asia/Shanghai")));

    @Test
    void anInstantIsShownInThePeoplesZoneToTheMinute() {
        // the rules page showed 2026-12-07T02:42:32.723341812Z
        assertThat(china.format(Instant.parse("2026-12-07T02:42:32.723341812Z")))
                .isEqualTo("2026-12-07 10:42");
    }

    @Test
    void aTimeWithAnOffsetOrAZoneIsMovedIntoThePeoplesZone() {
        assertThat(china.format(OffsetDateTime.parse("2026-11-30T19:00:00Z"))).isEqualTo("2026-12-01 03:00");
        assertThat(china.format(ZonedDateTime.parse("2026-12-01T03:00:00+08:00[Asia/Shanghai]")))
                .isEqualTo("2026-12-01 03:00");
        assertThat(china.format(Date.from(Instant.parse("2026-11-30T16:00:00Z"))))
                .isEqualTo("2026-12-01 00:00");
    }

    @Test
    void aLocalTimeIsAlreadyOneOfThePeoplesZoneAndNothingIsEmpty() {
        assertThat(china.format(LocalDateTime.of(2026, 12, 7, 10, 0, 59))).isEqualTo("2026-12-07 10:00");
        assertThat(china.format(null)).isEmpty();
    }

    @Test
    void anotherZoneIsTheOneConfigured() {
        Times utc = new Times(new PeopleZone(ZoneId.of("UTC")));
        assertThat(utc.format(Instant.parse("2026-12-07T02:42:32Z"))).isEqualTo("2026-12-07 02:42");
        assertThat(utc.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aDateIsNotAPointInTime() {
        assertThatThrownBy(() -> china.format(LocalDate.of(2026, 12, 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LocalDate");
    }
}
