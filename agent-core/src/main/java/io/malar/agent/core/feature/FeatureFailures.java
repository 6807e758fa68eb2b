package io.malar.agent.core.feature;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Errors a feature threw while the agent handed it a span, which the agent caught: counted per
 * feature, exported as {@value #METRIC}, and logged at most once a minute per feature, so a feature
 * broken on a hot path costs a counter, never the application or the other features.
 */
public final class FeatureFailures {
  static final String METRIC = "malar.agent.feature.failures";
  private static final AttributeKey<String> FEATURE = AttributeKey.stringKey("malar.feature");
  private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private static final Map<String, Failures> BY_FEATURE = new ConcurrentHashMap<>();

  private FeatureFailures() {}

  static void record(String feature, Throwable error) {
    BY_FEATURE.computeIfAbsent(feature, name -> new Failures()).record(feature, error);
  }

  /** How many errors {@code feature} has thrown so far. */
  public static long count(String feature) {
    Failures failures = BY_FEATURE.get(feature);
    return failures == null ? 0 : failures.total.sum();
  }

  /** Exports the counts as a cumulative counter with the feature's name. */
  public static void observe(Meter meter) {
    meter
        .counterBuilder(METRIC)
        .setDescription("Errors thrown by an agent feature while handling a span, caught by the agent")
        .buildWithCallback(
            counter -> BY_FEATURE.forEach((feature, failures) -> counter.record(failures.total.sum(), Attributes.of(FEATURE, feature))));
  }

  private static final class Failures {
    final LongAdder total = new LongAdder();
    // the first error logs at once; the next line waits a minute and says how many came between
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong loggedTotal = new AtomicLong();

    void record(String feature, Throwable error) {
      total.increment();
      long now = System.nanoTime();
      long next = nextLogNanos.get();
      if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
        long sum = total.sum();
        AgentLog.error(
            "a feature failed on a span; the agent caught it and the span went on without that feature",
            "feature", feature,
            "failures_since_last_line", sum - loggedTotal.getAndSet(sum),
            "failures_total", sum,
            "error", String.valueOf(error),
            "at", error.getStackTrace().length > 0 ? error.getStackTrace()[0].toString() : "");
      }
    }
  }
}
