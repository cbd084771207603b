package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), Duration.ofMinutes(60));

    @Test
    void theDelayDoublesAfterEachFailedAttempt() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void theDelayIsCapped() {
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(60));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(60));
    }
}
