package io.malar.agent.features.sentry;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.sentry.DataCategory;
import io.sentry.clientreport.DiscardReason;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts error events that never reached Sentry: the metric {@code malar.agent.sentry.events.dropped}
 * with the reason ({@code rate_limited} by the agent; the Sentry SDK's own: {@code queue_overflow},
 * {@code network_error}, {@code send_error} for an error answer, {@code ratelimit_backoff}...) and at most one log
 * line per minute with the total.
 */
final class DroppedEvents {
  static final String METRIC = "malar.agent.sentry.events.dropped";
  private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  private static final Attributes RATE_LIMITED = Attributes.of(REASON, "rate_limited");

  private final LongCounter counter;
  private final AtomicLong total = new AtomicLong();
  private final IntervalGate logGate = new IntervalGate(TimeUnit.MINUTES.toNanos(1), System.nanoTime());

  DroppedEvents(Meter meter) {
    counter =
        meter
            .counterBuilder(METRIC)
            .setUnit("{event}")
            .setDescription("Error events not sent to Sentry: repeated beyond the rate limit, or lost by the Sentry SDK")
            .build();
  }

  void rateLimited(String errorKey) {
    long dropped = count(1, RATE_LIMITED);
    if (dropped > 0) {
      AgentLog.warn(
          "sentry: repeated errors beyond the rate limit are dropped and counted",
          "key", SentrySettings.RATE_LIMIT.key(),
          "error", errorKey,
          "dropped_total", dropped);
    }
  }

  /** The Sentry SDK's report of what it lost (its queue full, Sentry unreachable or refusing). */
  void lostBySdk(DiscardReason reason, DataCategory category, Long events) {
    if (category != DataCategory.Error || events == null || events <= 0) {
      return;
    }
    long dropped = count(events, Attributes.of(REASON, reason.getReason()));
    if (dropped > 0) {
      AgentLog.warn("sentry: error events the Sentry SDK could not send are dropped and counted", "reason", reason.getReason(),
          "dropped_total", dropped);
    }
  }

  /** Counts the events; the total so far when this minute's log line is to be written, else 0. */
  private long count(long events, Attributes reason) {
    counter.add(events, reason);
    long dropped = total.addAndGet(events);
    return logGate.tryOpen(System.nanoTime()) ? dropped : 0;
  }
}
