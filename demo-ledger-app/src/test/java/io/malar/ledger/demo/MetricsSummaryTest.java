package io.malar.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsSummaryTest {
  @Test
  void theLastExportOfEachMetricIsTheRunsFigure() {
    ExportMetricsServiceRequest first = request(
        sum("malar.http.server.errors", point(1, "error.category", "validation", "http.request.method", "POST", "http.route", "/api/v1/entries/*")));
    ExportMetricsServiceRequest last = request(
        sum("malar.http.server.errors",
            point(4, "error.category", "validation", "http.request.method", "POST", "http.route", "/api/v1/entries/*"),
            point(3, "error.category", "business_logic", "http.request.method", "GET", "http.route", "/api/v1/reports/*")),
        sum("jvm.memory.used",
            point(100L * 1024 * 1024, "jvm.memory.type", "heap", "jvm.memory.pool.name", "G1 Old Gen"),
            point(20L * 1024 * 1024, "jvm.memory.type", "heap", "jvm.memory.pool.name", "G1 Eden Space"),
            point(50L * 1024 * 1024, "jvm.memory.type", "non_heap", "jvm.memory.pool.name", "Metaspace")),
        sum("jvm.memory.limit", point(512L * 1024 * 1024, "jvm.memory.type", "heap", "jvm.memory.pool.name", "G1 Old Gen")),
        sum("jvm.thread.count", point(30, "jvm.thread.daemon", "true"), point(12, "jvm.thread.daemon", "false")),
        Metric.newBuilder().setName("jvm.gc.duration").setHistogram(Histogram.newBuilder().addDataPoints(
            HistogramDataPoint.newBuilder().setCount(7).setSum(0.0425).addAttributes(attribute("jvm.gc.name", "G1 Young Generation")))).build(),
        Metric.newBuilder().setName("jvm.cpu.recent_utilization").setGauge(Gauge.newBuilder().addDataPoints(
            NumberDataPoint.newBuilder().setAsDouble(0.25))).build());

    String text = MetricsSummary.render(List.of(first, last));

    assertThat(text)
        .contains("Failed requests by error category (malar.http.server.errors): 7.")
        .contains("     3  business_logic    GET /api/v1/reports/*")
        .contains("     4  validation        POST /api/v1/entries/*")
        .contains("heap 120.0 MB in use, 0.0 MB after the last GC, of 512.0 MB at most; 42 threads, 0 classes loaded, CPU 25 % of the machine.")
        .contains("GC G1 Young Generation         7 collections,       42.5 ms in all");
  }

  @Test
  void theGuidesKpisPoolUseCacheHitRateAndWhatsAppDeliveryRate() {
    ExportMetricsServiceRequest last = request(
        sum("db.client.connection.count",
            point(9, "db.client.connection.pool.name", "ledger", "db.client.connection.state", "used"),
            point(1, "db.client.connection.pool.name", "ledger", "db.client.connection.state", "idle")),
        sum("db.client.connection.max", point(10, "db.client.connection.pool.name", "ledger")),
        sum("db.client.connection.pending_requests", point(2, "db.client.connection.pool.name", "ledger")),
        sum("malar.redis.cache.hits",
            point(7, "db.operation.name", "GET", "malar.redis.key.pattern", "farmer:*"),
            point(2, "db.operation.name", "MGET", "malar.redis.key.pattern", "farmer:*")),
        sum("malar.redis.cache.misses", point(1, "db.operation.name", "GET", "malar.redis.key.pattern", "farmer:*"),
            point(4, "db.operation.name", "GET", "malar.redis.key.pattern", "rates:*")),
        sum("ledger.whatsapp.messages", point(19, "outcome", "sent"), point(1, "outcome", "failed")));

    assertThat(MetricsSummary.render(List.of(last)))
        .contains("  ledger               9 used, 1 idle, 10 max (90 % used), 2 waiting")
        .contains("Redis cache hit rate by key pattern (malar.redis.cache.hits, .misses): 64.3 %.")
        .contains("  farmer:*                                      9 hits,      1 misses, 90.0 %")
        .contains("  rates:*                                       0 hits,      4 misses, 0.0 %")
        .contains("WhatsApp notices (ledger.whatsapp.messages): 19 sent, 1 failed, delivery rate 95.0 %.");
  }

  @Test
  void saysSoWhenNoJvmMetricArrived() {
    assertThat(MetricsSummary.render(List.of()))
        .contains("Failed requests by error category (malar.http.server.errors): 0.")
        .contains("JVM: no jvm.* metrics arrived")
        .contains("Connection pools: none reported")
        .contains("delivery rate n/a");
  }

  private static ExportMetricsServiceRequest request(Metric... metrics) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(List.of(metrics))))
        .build();
  }

  private static Metric sum(String name, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setSum(Sum.newBuilder().addAllDataPoints(List.of(points))).build();
  }

  private static NumberDataPoint point(long value, String... keysAndValues) {
    NumberDataPoint.Builder point = NumberDataPoint.newBuilder().setAsInt(value);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      point.addAttributes(attribute(keysAndValues[i], keysAndValues[i + 1]));
    }
    return point.build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
