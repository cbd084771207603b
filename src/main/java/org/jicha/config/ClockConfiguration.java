package org.jicha.config;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every "now" and "today" of the product reads. It is the system clock unless
 * {@code jicha.clock.start-at} is set: then it starts at that instant when the application starts and
 * ticks on from there, so the tests (src/test/resources/application.properties) and a demonstration on
 * an old extract see a fixed calendar date while durations and the order of events stay real.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(ClockProperties properties) {
        Clock system = Clock.systemUTC();
        if (properties.startAt() == null) {
            return system;
        }
        return Clock.offset(
                system, Duration.between(system.instant(), properties.startAt().toInstant()));
    }

    /**
     * {@code jicha.clock.*}.
     *
     * @param startAt where the clock starts, e.g. {@code 2026-12-07T10:00:00+08:00}; unset: the system clock
     */
    @ConfigurationProperties("jicha.clock")
    public record ClockProperties(OffsetDateTime startAt) {}
}
