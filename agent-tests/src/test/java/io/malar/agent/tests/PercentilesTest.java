package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LatencyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.malar.otlp.receiver.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint.ValueAtQuantile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact percentiles per route over OTLP, the interval log line and the table at exit, from servlets of known latency. */
class PercentilesTest {
  private static final Map<String, Integer> REQUESTS = Map.of("/fast", 20, "/medium", 12, "/slow", 6);
  private static final Map<String, Double> SLEEP_SECONDS = Map.of("/fast", 0.010, "/medium", 0.050, "/slow", 0.200);

  @Test
  void percentilesPerRouteReachTheCollector() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(LatencyApp.class)
                .exportingTo(receiver)
                .property("otel.metric.export.interval", "1000")
                .property("malar.agent.percentiles.log", "true")
                .property("malar.agent.percentiles.summary-on-exit", "true")
                .start()) {
      awaitFirstMetricExport(receiver);
      for (Map.Entry<String, Integer> route : REQUESTS.entrySet()) {
        for (int i = 0; i < route.getValue(); i++) {
          assertThat(Http.get(app.port(), route.getKey()).statusCode()).isEqualTo(200);
        }
      }

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!allCounted(receiver) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      for (String route : REQUESTS.keySet()) {
        List<SummaryDataPoint> points = ExportedMetrics.summaryPoints(receiver, route);
        assertThat(points).as(route).isNotEmpty();
        assertThat(points.get(points.size() - 1).getCount()).as(route).isEqualTo((long) REQUESTS.get(route));
        double sleep = SLEEP_SECONDS.get(route);
        List<SummaryDataPoint> withQuantiles = points.stream().filter(p -> p.getQuantileValuesCount() > 0).toList();
        assertThat(withQuantiles).as(route).isNotEmpty();
        for (SummaryDataPoint point : withQuantiles) {
          assertThat(point.getQuantileValuesList()).extracting(ValueAtQuantile::getQuantile).containsExactly(0.5, 0.9, 0.95, 0.99, 0.999, 1.0);
          // the servlet sleeps at least its time; scheduling on a busy machine adds, never removes
          assertThat(quantile(point, 0.5)).as(route + " p50").isBetween(sleep, sleep * 3 + 0.05);
          assertThat(quantile(point, 0.95)).as(route + " p95").isBetween(quantile(point, 0.5), quantile(point, 0.99));
          assertThat(quantile(point, 0.99)).as(route + " p99").isBetween(sleep, quantile(point, 1.0));
        }
        assertThat(attribute(points.get(0).getAttributesList(), "http.response.status_class")).isEqualTo("2xx");
        assertThat(attribute(points.get(0).getAttributesList(), "http.request.method")).isEqualTo("GET");
        assertThat(points.get(points.size() - 1).getSum()).as(route + " sum").isGreaterThanOrEqualTo(sleep * REQUESTS.get(route) * 0.999);

        HistogramDataPoint semconv = lastSemconvPoint(receiver, route);
        assertThat(semconv.getCount()).as(route).isEqualTo((long) REQUESTS.get(route));
        assertThat(semconv.getExplicitBoundsList()).startsWith(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25);
      }
      assertThat(app.stderr()).contains("\"message\":\"latency percentiles\"", "\"http.route\":\"/slow\"", "\"p99_us\":");

      Http.get(app.port(), "/exit");
      assertThat(app.awaitExit(Duration.ofSeconds(20))).isZero();
      long drained = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!app.stderr().contains("GET /slow 2xx") && System.nanoTime() < drained) {
        Thread.sleep(50);
      }
      assertThat(app.stderr()).contains("latency percentiles for the whole run");
      String slowRow = app.stderr().lines().filter(line -> line.startsWith("http") && line.contains("GET /slow 2xx")).findFirst().orElseThrow();
      assertThat(slowRow.trim().split("\\s+")[4]).isEqualTo("6"); // kind, method, route, class, count
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  /**
   * The first export makes the HTTP sender; on a busy machine that can outlast an interval, the SDK
   * collects again only once that export has ended, and an interval closed and replaced meanwhile
   * never reaches OTLP with its quantiles. The requests come after it.
   */
  private static void awaitFirstMetricExport(OtlpReceiver receiver) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (receiver.metricRequests().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(receiver.metricRequests()).as("the first metric export").isNotEmpty();
  }

  private static boolean allCounted(OtlpReceiver receiver) {
    for (String route : REQUESTS.keySet()) {
      List<SummaryDataPoint> points = ExportedMetrics.summaryPoints(receiver, route);
      if (points.isEmpty() || points.get(points.size() - 1).getCount() < REQUESTS.get(route)) {
        return false;
      }
    }
    return true;
  }


  private static HistogramDataPoint lastSemconvPoint(OtlpReceiver receiver, String route) {
    HistogramDataPoint last = null;
    for (Metric metric : ReceivedMetrics.named(receiver, "http.server.request.duration")) {
      assertThat(metric.getUnit()).isEqualTo("s");
      for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
        if (route.equals(attribute(point.getAttributesList(), "http.route"))) {
          last = point;
        }
      }
    }
    assertThat(last).as("http.server.request.duration for " + route).isNotNull();
    return last;
  }

  private static double quantile(SummaryDataPoint point, double quantile) {
    return point.getQuantileValuesList().stream().filter(q -> q.getQuantile() == quantile).findFirst().orElseThrow().getValue();
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue().getStringValue()).findFirst().orElse(null);
  }
}
