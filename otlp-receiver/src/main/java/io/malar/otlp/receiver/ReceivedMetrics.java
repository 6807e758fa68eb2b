package io.malar.otlp.receiver;

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
import java.util.Objects;
import java.util.function.Predicate;

/** Reads the metrics a receiver got: the points of one metric, their attributes. */
public final class ReceivedMetrics {
  private ReceivedMetrics() {}

  /** Every metric of that name, in the order the requests arrived. */
  public static List<Metric> named(OtlpReceiver receiver, String name) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric metric : all(receiver)) {
      if (metric.getName().equals(name)) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /** Every metric of every request, in the order the requests arrived. */
  public static List<Metric> all(OtlpReceiver receiver) {
    List<Metric> metrics = new ArrayList<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          metrics.addAll(scope.getMetricsList());
        }
      }
    }
    return metrics;
  }

  /**
   * The latest value of a cumulative sum or gauge for the points whose attribute {@code key} has
   * {@code value} ({@code null}: the attribute is absent), summed over their other attributes.
   */
  public static long latest(OtlpReceiver receiver, String name, String key, String value) {
    return latestWhere(receiver, name, key, actual -> Objects.equals(actual, value));
  }

  /** Like {@link #latest(OtlpReceiver, String, String, String)} for the values {@code which} accepts. */
  public static long latestWhere(OtlpReceiver receiver, String name, String key, Predicate<String> which) {
    List<Metric> metrics = named(receiver, name);
    if (metrics.isEmpty()) {
      return 0;
    }
    Metric last = metrics.get(metrics.size() - 1);
    List<NumberDataPoint> points = last.hasSum() ? last.getSum().getDataPointsList() : last.getGauge().getDataPointsList();
    long total = 0;
    for (NumberDataPoint point : points) {
      if (which.test(attribute(point.getAttributesList(), key))) {
        total += point.getAsInt();
      }
    }
    return total;
  }

  /** The last point of each metric whose name starts with {@code prefix}, one per line, for failure messages. */
  public static String describe(OtlpReceiver receiver, String prefix) {
    java.util.Map<String, String> lines = new java.util.TreeMap<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            if (metric.getName().startsWith(prefix)) {
              lines.put(metric.getName(), metric.getName() + " " + pointsOf(metric));
            }
          }
        }
      }
    }
    return String.join("\n", lines.values());
  }

  private static List<String> pointsOf(Metric metric) {
    List<String> points = new ArrayList<>();
    if (metric.hasHistogram()) {
      metric.getHistogram().getDataPointsList().forEach(p -> points.add(text(p.getAttributesList()) + "count=" + p.getCount()));
    } else {
      List<NumberDataPoint> numbers = metric.hasSum() ? metric.getSum().getDataPointsList() : metric.getGauge().getDataPointsList();
      numbers.forEach(p -> points.add(text(p.getAttributesList()) + "value=" + p.getAsInt()));
    }
    return points;
  }

  private static String text(List<KeyValue> attributes) {
    StringBuilder text = new StringBuilder("{");
    attributes.forEach(a -> text.append(a.getKey()).append('=').append(attribute(attributes, a.getKey())).append(' '));
    return text.append("} ").toString();
  }

  /** The attribute's value as text, or null when absent. */
  public static String attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().hasIntValue()
            ? String.valueOf(attribute.getValue().getIntValue())
            : attribute.getValue().getStringValue();
      }
    }
    return null;
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
}
