package io.malar.agent.tests.support;

import io.malar.otlp.receiver.OtlpReceiver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;

/** The points a receiver got for one metric, across every export. */
public final class ExportedMetrics {
  private ExportedMetrics() {}

  /** The points of the counter (a sum) {@code name}, in the order they were exported. */
  public static List<NumberDataPoint> sumPoints(OtlpReceiver receiver, String name) {
    List<NumberDataPoint> points = new ArrayList<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            if (metric.getName().equals(name)) {
              points.addAll(metric.getSum().getDataPointsList());
            }
          }
        }
      }
    }
    return points;
  }

  /** Whether the point has the attribute {@code key} with the string {@code value}. */
  public static boolean hasAttribute(NumberDataPoint point, String key, String value) {
    return point.getAttributesList().stream()
        .anyMatch(attribute -> attribute.getKey().equals(key) && attribute.getValue().getStringValue().equals(value));
  }
}
