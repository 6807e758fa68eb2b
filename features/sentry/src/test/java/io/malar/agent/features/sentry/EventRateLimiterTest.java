package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventRateLimiterTest {
  @Test
  void eachErrorGetsItsOwnWindow() {
    AtomicLong now = new AtomicLong();
    EventRateLimiter limiter = new EventRateLimiter(3, 1000, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a")).isTrue();
    }
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();
    now.set(999);
    assertThat(limiter.tryAcquire("a")).isFalse();
    now.set(1000);
    assertThat(limiter.tryAcquire("a")).isTrue();
  }
}
