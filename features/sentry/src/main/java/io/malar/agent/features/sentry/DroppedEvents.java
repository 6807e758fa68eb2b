package io.malar.agent.features.sentry;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts error events the rate limit dropped: the metric {@code malar.agent.sentry.events.dropped}
 * and at most one log line per minute with the total.
 */
final class DroppedEvents {
  static final String METRIC = "malar.agent.sentry.events.dropped";
  private static final Attributes RATE_LIMITED = Attributes.of(AttributeKey.stringKey("reason"), "rate_limited");

  private final LongCounter counter;
  private final AtomicLong total = new AtomicLong();
  private final IntervalGate logGate = new IntervalGate(TimeUnit.MINUTES.toNanos(1), System.nanoTime());

  DroppedEvents(Meter meter) {
    counter =
        meter
            .counterBuilder(METRIC)
            .setUnit("{event}")
            .setDescription("Error events not sent to Sentry because one error repeated beyond the rate limit")
            .build();
  }

  void rateLimited(String errorKey) {
    counter.add(1, RATE_LIMITED);
    long dropped = total.incrementAndGet();
    if (logGate.tryOpen(System.nanoTime())) {
      AgentLog.warn(
          "sentry: repeated errors beyond the rate limit are dropped and counted",
          "key", SentrySettings.RATE_LIMIT.key(),
          "error", errorKey,
          "dropped_total", dropped);
    }
  }
}
