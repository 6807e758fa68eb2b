package io.malar.agent.features.sentry;

import java.util.concurrent.atomic.AtomicLong;

/** Opens at most once per interval, for log lines that must not flood the agent's log. */
final class IntervalGate {
  private final long intervalNanos;
  private final AtomicLong nextOpenNanos;

  IntervalGate(long intervalNanos, long nowNanos) {
    this.intervalNanos = intervalNanos;
    this.nextOpenNanos = new AtomicLong(nowNanos);
  }

  /** True for the first caller once the interval has passed (and for the very first call). */
  boolean tryOpen(long nowNanos) {
    long next = nextOpenNanos.get();
    return nowNanos - next >= 0 && nextOpenNanos.compareAndSet(next, nowNanos + intervalNanos);
  }
}
