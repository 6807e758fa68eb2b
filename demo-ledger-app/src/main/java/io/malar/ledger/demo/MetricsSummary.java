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
 * Renders the agent's metrics beside the traces, the guide's KPIs: the failed requests by error
 * category (counted whether or not Sentry is on), the connection pools' use, the Redis cache hit
 * rate per key pattern, the WhatsApp delivery rate the ledger counts through the OpenTelemetry API,
 * and the JVM's heap, garbage collections, threads and CPU, each the last value the agent exported
 * (the counters are cumulative, so the last is the whole run).
 */
final class MetricsSummary {
  private static final double MB = 1024 * 1024;

  private MetricsSummary() {}

  static String render(List<ExportMetricsServiceRequest> requests) {
    Map<String, Metric> last = lastOfEach(requests);
    return errors(last.get("malar.http.server.errors")) + pools(last) + cache(last) + whatsApp(last.get("ledger.whatsapp.messages"))
        + jvm(last);
  }

  private static String pools(Map<String, Metric> last) {
    Map<String, Long> used = byAttribute(last.get("db.client.connection.count"), "db.client.connection.pool.name", "db.client.connection.state", "used");
    Map<String, Long> idle = byAttribute(last.get("db.client.connection.count"), "db.client.connection.pool.name", "db.client.connection.state", "idle");
    Map<String, Long> max = byAttribute(last.get("db.client.connection.max"), "db.client.connection.pool.name", null, null);
    Map<String, Long> pending = byAttribute(last.get("db.client.connection.pending_requests"), "db.client.connection.pool.name", null, null);
    if (max.isEmpty() && used.isEmpty()) {
      return String.format(Locale.ROOT, "%nConnection pools: none reported (malar.agent.pool-metrics.enabled=false?).%n");
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nConnection pools at the last export (db.client.connection.*):%n"));
    Map<String, Long> names = new TreeMap<>(max);
    used.forEach(names::putIfAbsent);
    for (String pool : names.keySet()) {
      long poolMax = max.getOrDefault(pool, 0L);
      long poolUsed = used.getOrDefault(pool, 0L);
      text.append(String.format(Locale.ROOT, "  %-20s %d used, %d idle, %d max (%.0f %% used), %d waiting%n", pool, poolUsed,
          idle.getOrDefault(pool, 0L), poolMax, poolMax == 0 ? 0.0 : 100.0 * poolUsed / poolMax, pending.getOrDefault(pool, 0L)));
    }
    return text.toString();
  }

  private static String cache(Map<String, Metric> last) {
    Map<String, Long> hits = byAttribute(last.get("malar.redis.cache.hits"), "malar.redis.key.pattern", null, null);
    Map<String, Long> misses = byAttribute(last.get("malar.redis.cache.misses"), "malar.redis.key.pattern", null, null);
    Map<String, Long> patterns = new TreeMap<>(hits);
    misses.forEach(patterns::putIfAbsent);
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%nRedis cache hit rate by key pattern (malar.redis.cache.hits, .misses): %s.%n",
        rate(total(hits), total(misses))));
    for (String pattern : patterns.keySet()) {
      long hit = hits.getOrDefault(pattern, 0L);
      long miss = misses.getOrDefault(pattern, 0L);
      text.append(String.format(Locale.ROOT, "  %-40s %,6d hits, %,6d misses, %s%n", pattern, hit, miss, rate(hit, miss)));
    }
    return text.toString();
  }

  private static String whatsApp(Metric metric) {
    Map<String, Long> byOutcome = byAttribute(metric, "outcome", null, null);
    long sent = byOutcome.getOrDefault("sent", 0L);
    long failed = byOutcome.getOrDefault("failed", 0L);
    return String.format(Locale.ROOT, "%nWhatsApp notices (ledger.whatsapp.messages): %,d sent, %,d failed, delivery rate %s.%n",
        sent, failed, rate(sent, failed));
  }

  private static String rate(long good, long bad) {
    return good + bad == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * good / (good + bad));
  }

  private static long total(Map<String, Long> values) {
    return values.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A sum's values added up per value of {@code key}, over the points whose {@code filterKey} is
   * {@code filterValue} (all points when {@code filterKey} is null).
   */
  private static Map<String, Long> byAttribute(Metric metric, String key, String filterKey, String filterValue) {
    Map<String, Long> values = new TreeMap<>();
    if (metric != null) {
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        if (filterKey == null || filterValue.equals(attribute(point.getAttributesList(), filterKey))) {
          values.merge(attribute(point.getAttributesList(), key), point.getAsInt(), Long::sum);
        }
      }
    }
    return values;
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
