package io.malar.agent.features.percentiles;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.SummaryData;
import io.opentelemetry.sdk.metrics.data.SummaryPointData;
import io.opentelemetry.sdk.metrics.data.ValueAtQuantile;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands the last closed interval to every metric reader of the SDK as Summary points: quantiles
 * 0.5 to 0.999 and 1.0 (the maximum) of the interval, in seconds, with the count and sum of the
 * whole run, cumulative as OTLP and Prometheus expect of a summary.
 */
final class SummaryMetricProducer implements MetricProducer {
  private static final double MICROS_PER_SECOND = 1e6;

  private final List<KeyFamily> families;
  private final long runStartEpochNanos;

  SummaryMetricProducer(List<KeyFamily> families, long runStartEpochNanos) {
    this.families = families;
    this.runStartEpochNanos = runStartEpochNanos;
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    List<MetricData> metrics = new ArrayList<>();
    for (KeyFamily family : families) {
      List<SummaryPointData> points = new ArrayList<>();
      for (LatencyKey key : family.keys()) {
        IntervalStats stats = key.latest();
        if (stats.runCount() > 0) {
          points.add(
              SummaryPointData.create(
                  runStartEpochNanos, stats.endEpochNanos(), key.attributes(),
                  stats.runCount(), stats.runSumMicros() / MICROS_PER_SECOND, quantiles(stats)));
        }
      }
      if (!points.isEmpty()) {
        metrics.add(new SummaryMetric(resource, family, SummaryData.create(points)));
      }
    }
    return metrics;
  }

  /** None when the interval had no values: a stale percentile would read as a current one. */
  private static List<ValueAtQuantile> quantiles(IntervalStats stats) {
    List<ValueAtQuantile> values = new ArrayList<>(IntervalStats.QUANTILES.length);
    if (stats.hasQuantiles()) {
      for (int i = 0; i < IntervalStats.QUANTILES.length; i++) {
        values.add(ValueAtQuantile.create(IntervalStats.QUANTILES[i], stats.quantileMicros(i) / MICROS_PER_SECOND));
      }
    }
    return values;
  }
}
