package io.malar.agent.features.slowcalls;

import java.util.concurrent.TimeUnit;

/** When a call is slow, when repetitions are N+1, and how often one warning may repeat. */
final class Thresholds {
  private final long slowQueryNanos;
  private final long slowRequestNanos;
  private final long slowRedisNanos;
  private final int nPlusOneCount;
  private final long warningIntervalNanos;

  Thresholds(long slowQueryNanos, long slowRequestNanos, long slowRedisNanos, int nPlusOneCount, long warningIntervalNanos) {
    this.slowQueryNanos = slowQueryNanos;
    this.slowRequestNanos = slowRequestNanos;
    this.slowRedisNanos = slowRedisNanos;
    this.nPlusOneCount = nPlusOneCount;
    this.warningIntervalNanos = warningIntervalNanos;
  }

  long slowQueryNanos() {
    return slowQueryNanos;
  }

  long slowRequestNanos() {
    return slowRequestNanos;
  }

  long slowRedisNanos() {
    return slowRedisNanos;
  }

  int nPlusOneCount() {
    return nPlusOneCount;
  }

  long warningIntervalNanos() {
    return warningIntervalNanos;
  }

  static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
