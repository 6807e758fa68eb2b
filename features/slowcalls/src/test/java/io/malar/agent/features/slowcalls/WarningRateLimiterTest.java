package io.malar.agent.features.slowcalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningRateLimiterTest {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final AtomicLong clock = new AtomicLong(42);
  private final WarningRateLimiter limiter = new WarningRateLimiter(MINUTE, clock::get);

  @Test
  void oneLinePerFingerprintPerIntervalAndTheNextCountsTheSuppressed() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(WarningRateLimiter.SUPPRESSED);
    assertThat(limiter.acquire("b")).isZero();
    clock.addAndGet(MINUTE - 1);
    assertThat(limiter.acquire("a")).isEqualTo(WarningRateLimiter.SUPPRESSED);
    clock.addAndGet(1);
    assertThat(limiter.acquire("a")).isEqualTo(2);
    assertThat(limiter.acquire("a")).isEqualTo(WarningRateLimiter.SUPPRESSED);
  }

  @Test
  void pastTheFingerprintLimitNewOnesShareOneWindow() {
    for (int i = 0; i < 4096; i++) {
      assertThat(limiter.acquire("statement " + i)).isZero();
    }
    assertThat(limiter.acquire("one more")).isZero();
    assertThat(limiter.acquire("and another")).isEqualTo(WarningRateLimiter.SUPPRESSED);

    // once the old windows expire they make room again
    clock.addAndGet(MINUTE);
    assertThat(limiter.acquire("a new one")).isZero();
    assertThat(limiter.acquire("a newer one")).isZero();
  }
}
