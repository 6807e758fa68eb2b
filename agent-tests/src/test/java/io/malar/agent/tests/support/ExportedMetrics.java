package io.malar.agent.tests.support;

import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What an in-test OTLP receiver holds of the metrics, oldest export first. */
public final class ExportedMetrics {
  private ExportedMetrics() {}

  public static Set<String> names(OtlpReceiver receiver) {
    Set<String> names = new TreeSet<>();
    for (Metric metric : ReceivedMetrics.all(receiver)) {
      names.add(metric.getName());
    }
    return names;
  }

  /** The points of the counter (a sum) {@code name}, in the order they were exported. */
  public static List<NumberDataPoint> sumPoints(OtlpReceiver receiver, String name) {
    List<NumberDataPoint> points = new ArrayList<>();
    for (Metric metric : ReceivedMetrics.named(receiver, name)) {
      points.addAll(metric.getSum().getDataPointsList());
    }
    return points;
  }

  /** The percentiles' summary points of one route ({@code malar.http.server.latency}), in the order they were exported. */
  public static List<SummaryDataPoint> summaryPoints(OtlpReceiver receiver, String route) {
    List<SummaryDataPoint> points = new ArrayList<>();
    for (Metric metric : ReceivedMetrics.named(receiver, "malar.http.server.latency")) {
      for (SummaryDataPoint point : metric.getSummary().getDataPointsList()) {
        if (route.equals(ReceivedMetrics.attribute(point.getAttributesList(), "http.route"))) {
          points.add(point);
        }
      }
    }
    return points;
  }

  /** Whether the point has the attribute {@code key} with the string {@code value}. */
  public static boolean hasAttribute(NumberDataPoint point, String key, String value) {
    return value.equals(ReceivedMetrics.attribute(point.getAttributesList(), key));
  }
}
