package io.malar.agent.tests.support;

import io.malar.otlp.receiver.OtlpReceiver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What an in-test OTLP receiver holds of the metrics, oldest export first. */
public final class ExportedMetrics {
  private ExportedMetrics() {}

  /** Every exported instance of the metric, one per export that carried it. */
  public static List<Metric> named(OtlpReceiver receiver, String name) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric metric : all(receiver)) {
      if (metric.getName().equals(name)) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  public static Set<String> names(OtlpReceiver receiver) {
    Set<String> names = new TreeSet<>();
    for (Metric metric : all(receiver)) {
      names.add(metric.getName());
    }
    return names;
  }

  /** The points of the counter (a sum) {@code name}, in the order they were exported. */
  public static List<NumberDataPoint> sumPoints(OtlpReceiver receiver, String name) {
    List<NumberDataPoint> points = new ArrayList<>();
    for (Metric metric : named(receiver, name)) {
      points.addAll(metric.getSum().getDataPointsList());
    }
    return points;
  }

  /** A string attribute's value, or null. */
  public static String attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  /** Whether the point has the attribute {@code key} with the string {@code value}. */
  public static boolean hasAttribute(NumberDataPoint point, String key, String value) {
    return value.equals(attribute(point.getAttributesList(), key));
  }

  private static List<Metric> all(OtlpReceiver receiver) {
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
}
