package io.malar.ledger.demo;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the agent's metrics beside the traces: the failed requests by error category (counted
 * whether or not Sentry is on) and the JVM's heap, garbage collections, threads and CPU, each the
 * last value the agent exported (the counters are cumulative, so the last is the whole run).
 */
final class MetricsSummary {
  private static final double MB = 1024 * 1024;

  private MetricsSummary() {}

  static String render(List<ExportMetricsServiceRequest> requests) {
    Map<String, Metric> last = lastOfEach(requests);
    return errors(last.get("malar.http.server.errors")) + jvm(last);
  }

  private static String errors(Metric metric) {
    Map<String, Long> byCategoryAndRoute = new TreeMap<>();
    long total = 0;
    if (metric != null) {
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        byCategoryAndRoute.put(
            String.format(Locale.ROOT, "%-17s %s %s", attribute(point.getAttributesList(), "error.category"),
                attribute(point.getAttributesList(), "http.request.method"), attribute(point.getAttributesList(), "http.route")),
            point.getAsInt());
        total += point.getAsInt();
      }
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%nFailed requests by error category (malar.http.server.errors): %,d.%n", total));
    if (total > 0) {
      text.append(String.format(Locale.ROOT, "  %6s  %-17s %s%n", "count", "category", "endpoint"));
      byCategoryAndRoute.forEach((key, count) -> text.append(String.format(Locale.ROOT, "  %,6d  %s%n", count, key)));
    }
    return text.toString();
  }

  private static String jvm(Map<String, Metric> last) {
    Metric used = last.get("jvm.memory.used");
    if (used == null) {
      return String.format(Locale.ROOT, "%nJVM: no jvm.* metrics arrived (malar.agent.jvm-metrics.enabled=false?).%n");
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%nJVM at the last export: heap %.1f MB in use, %.1f MB after the last GC, of %.1f MB at most;"
            + " %d threads, %d classes loaded, CPU %.0f %% of the machine.%n",
        heap(used) / MB, heap(last.get("jvm.memory.used_after_last_gc")) / MB, heap(last.get("jvm.memory.limit")) / MB,
        sum(last.get("jvm.thread.count")), sum(last.get("jvm.class.count")),
        100 * gaugeValue(last.get("jvm.cpu.recent_utilization"))));
    Metric gc = last.get("jvm.gc.duration");
    if (gc != null) {
      Map<String, long[]> countAndMicrosByCollector = new LinkedHashMap<>();
      for (HistogramDataPoint point : gc.getHistogram().getDataPointsList()) {
        long[] figures = countAndMicrosByCollector.computeIfAbsent(
            attribute(point.getAttributesList(), "jvm.gc.name"), name -> new long[2]);
        figures[0] += point.getCount();
        figures[1] += Math.round(point.getSum() * 1e6);
      }
      countAndMicrosByCollector.forEach((collector, figures) -> text.append(String.format(Locale.ROOT,
          "  GC %-22s %,6d collections, %,10.1f ms in all%n", collector, figures[0], figures[1] / 1000.0)));
    }
    return text.toString();
  }

  /** Bytes summed over the heap's pools. */
  private static long heap(Metric metric) {
    long bytes = 0;
    if (metric != null) {
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        if ("heap".equals(attribute(point.getAttributesList(), "jvm.memory.type"))) {
          bytes += point.getAsInt();
        }
      }
    }
    return bytes;
  }

  private static long sum(Metric metric) {
    long total = 0;
    if (metric != null) {
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        total += point.getAsInt();
      }
    }
    return total;
  }

  private static double gaugeValue(Metric metric) {
    return metric == null || metric.getGauge().getDataPointsCount() == 0 ? 0 : metric.getGauge().getDataPoints(0).getAsDouble();
  }

  private static Map<String, Metric> lastOfEach(List<ExportMetricsServiceRequest> requests) {
    Map<String, Metric> last = new LinkedHashMap<>();
    for (ExportMetricsServiceRequest request : requests) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            last.put(metric.getName(), metric);
          }
        }
      }
    }
    return last;
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return "?";
  }
}
