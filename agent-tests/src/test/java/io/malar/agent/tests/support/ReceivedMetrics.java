package io.malar.agent.tests.support;

import io.malar.otlp.receiver.OtlpReceiver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The metrics an {@link OtlpReceiver} received, by name. */
public final class ReceivedMetrics {
  private ReceivedMetrics() {}

  /** Every export of the metric called {@code name}, oldest first. */
  public static List<Metric> named(OtlpReceiver receiver, String name) {
    List<Metric> metrics = new ArrayList<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            if (metric.getName().equals(name)) {
              metrics.add(metric);
            }
          }
        }
      }
    }
    return metrics;
  }

  /**
   * The latest value of each series of a sum or gauge, keyed by one attribute's value, once
   * {@code ready} accepts them; fails after {@code timeout}.
   */
  public static Map<String, Double> awaitValuesBy(
      OtlpReceiver receiver, String name, String attribute, Predicate<Map<String, Double>> ready, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Double> values = new LinkedHashMap<>();
    while (System.nanoTime() < deadline) {
      values = new LinkedHashMap<>();
      for (Metric metric : named(receiver, name)) {
        List<NumberDataPoint> points = metric.hasSum() ? metric.getSum().getDataPointsList() : metric.getGauge().getDataPointsList();
        for (NumberDataPoint point : points) {
          values.put(attribute(point.getAttributesList(), attribute), point.hasAsInt() ? point.getAsInt() : point.getAsDouble());
        }
      }
      if (ready.test(values)) {
        return values;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " by " + attribute + " was not as expected within " + timeout + ": " + values);
  }

  /** The latest export of the metric called {@code name}; fails after {@code timeout}. */
  public static Metric awaitLatest(OtlpReceiver receiver, String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Metric> found = named(receiver, name);
      if (!found.isEmpty()) {
        return found.get(found.size() - 1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not arrive within " + timeout);
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue().getStringValue()).findFirst().orElse(null);
  }
}
