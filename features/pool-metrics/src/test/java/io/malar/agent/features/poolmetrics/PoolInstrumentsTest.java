package io.malar.agent.features.poolmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.WeakPoolGauges;
import io.malar.agent.core.pools.ConnectionPools;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolInstrumentsTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final ConnectionPools pools = new ConnectionPools();
  private final PoolState orders = new PoolState(1, 2, 3, 4);
  private final PoolState reports = new PoolState(5, 0, -1, 0);

  @BeforeEach
  void register() {
    PoolInstruments.register(SdkMeterProvider.builder().registerMetricReader(reader).build().get("test"), pools);
    pools.opened(orders.gauges("orders"));
    pools.opened(reports.gauges("reports"));
  }

  @Test
  void eachOpenPoolIsReadWhenMetricsAreCollected() {
    Collection<MetricData> metrics = reader.collectAllMetrics();
    assertThat(points(metrics, "db.client.connection.count"))
        .containsExactly(
            Map.entry("orders/idle", 1L), Map.entry("orders/used", 2L), Map.entry("reports/idle", 5L), Map.entry("reports/used", 0L));
    // a pool without a limit reports no maximum
    assertThat(points(metrics, "db.client.connection.max")).containsExactly(Map.entry("orders", 3L));
    assertThat(points(metrics, "db.client.connection.pending_requests"))
        .containsExactly(Map.entry("orders", 4L), Map.entry("reports", 0L));

    orders.used = 3;
    orders.idle = 0;
    assertThat(points(reader.collectAllMetrics(), "db.client.connection.count"))
        .containsEntry("orders/used", 3L).containsEntry("orders/idle", 0L);
  }

  @Test
  void aClosedPoolIsNoLongerReadAndANewPoolOfTheSameNameReplacesTheOld() {
    reports.closed = true;
    assertThat(points(reader.collectAllMetrics(), "db.client.connection.pending_requests")).containsOnlyKeys("orders");

    PoolState replacement = new PoolState(0, 0, 10, 0);
    pools.opened(replacement.gauges("orders"));
    assertThat(points(reader.collectAllMetrics(), "db.client.connection.max")).containsExactly(Map.entry("orders", 10L));
  }

  @Test
  void waitAndUseTimesAreHistogramsInSecondsPerPool() {
    pools.waited(orders.gauges("orders"), 2_000_000);
    pools.waited(orders.gauges("orders"), 40_000_000);
    pools.used(reports.gauges("reports"), 1_500_000_000);

    Collection<MetricData> metrics = reader.collectAllMetrics();
    HistogramPointData wait = onlyPoint(metrics, "db.client.connection.wait_time");
    assertThat(wait.getAttributes()).isEqualTo(Attributes.of(PoolInstruments.POOL_NAME, "orders"));
    assertThat(wait.getCount()).isEqualTo(2);
    assertThat(wait.getSum()).isCloseTo(0.042, org.assertj.core.data.Offset.offset(1e-9));
    HistogramPointData use = onlyPoint(metrics, "db.client.connection.use_time");
    assertThat(use.getAttributes()).isEqualTo(Attributes.of(PoolInstruments.POOL_NAME, "reports"));
    assertThat(use.getSum()).isEqualTo(1.5);
    assertThat(metric(metrics, "db.client.connection.use_time").getUnit()).isEqualTo("s");
  }

  /** "pool/state" (or "pool") to value. */
  private static Map<String, Long> points(Collection<MetricData> metrics, String name) {
    Map<String, Long> points = new TreeMap<>();
    for (LongPointData point : metric(metrics, name).getLongSumData().getPoints()) {
      String state = point.getAttributes().get(PoolInstruments.STATE);
      points.put(point.getAttributes().get(PoolInstruments.POOL_NAME) + (state == null ? "" : "/" + state), point.getValue());
    }
    return points;
  }

  private static HistogramPointData onlyPoint(Collection<MetricData> metrics, String name) {
    Collection<HistogramPointData> points = metric(metrics, name).getHistogramData().getPoints();
    assertThat(points).hasSize(1);
    return points.iterator().next();
  }

  private static MetricData metric(Collection<MetricData> metrics, String name) {
    return metrics.stream().filter(metric -> metric.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + metrics));
  }

  /** What a pool would answer; read through the same gauges as a library's pool. */
  private static final class PoolState {
    volatile int idle;
    volatile int used;
    final int max;
    final int pending;
    volatile boolean closed;

    PoolState(int idle, int used, int max, int pending) {
      this.idle = idle;
      this.used = used;
      this.max = max;
      this.pending = pending;
    }

    PoolGauges gauges(String name) {
      return new WeakPoolGauges<>(name, this, state -> state.closed, state -> state.idle, state -> state.used, state -> state.max, state -> state.pending);
    }
  }
}
