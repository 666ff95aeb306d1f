package com.storyloop.web.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WriteRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final WriteRateLimiter limiter = new WriteRateLimiter(60, 2, now::get);

    @Test
    void aUserMayWriteAMinutesWorthInABurstThenWaitsForTheNextWrite() {
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryWrite("ada").allowed()).as("write %d", i + 1).isTrue();
        }

        WriteRateLimiter.Decision refused = limiter.tryWrite("ada");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void writesComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 60; i++) {
            limiter.tryWrite("ada");
        }
        now.addAndGet(Duration.ofMillis(2_500).toNanos());

        assertThat(limiter.tryWrite("ada").allowed()).isTrue();
        assertThat(limiter.tryWrite("ada").allowed()).isTrue();
        WriteRateLimiter.Decision third = limiter.tryWrite("ada");
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void oneUsersBurstDoesNotSlowAnother() {
        for (int i = 0; i < 61; i++) {
            limiter.tryWrite("ada");
        }

        assertThat(limiter.tryWrite("grace").allowed()).isTrue();
    }

    @Test
    void aForgottenCallerStartsWithAFullBucket() {
        for (int i = 0; i < 61; i++) {
            limiter.tryWrite("ada");
        }
        limiter.tryWrite("grace");
        limiter.tryWrite("linus"); // the limiter keeps two callers: ada, the least recent, is forgotten

        assertThat(limiter.tryWrite("ada").allowed()).isTrue();
    }
}
