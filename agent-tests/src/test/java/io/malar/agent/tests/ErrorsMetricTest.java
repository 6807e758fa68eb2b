package io.malar.agent.tests;

import static io.malar.otlp.receiver.ReceivedMetrics.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.ErrorsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The counter of failed requests by category, over OTLP from the real agent, with no Sentry DSN:
 * one request of each of the guide's categories, and answers that are not errors.
 */
class ErrorsMetricTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Each failing path and the status the application answers. */
  private static final Map<String, Integer> FAILING = new LinkedHashMap<>();

  static {
    FAILING.put("/farmers/lookup", 500);
    FAILING.put("/whatsapp/send", 500);
    FAILING.put("/rates/today", 502);
    FAILING.put("/entries", 400);
    FAILING.put("/farmers/me", 401);
    FAILING.put("/admin/settlements", 403);
    FAILING.put("/ledger/total", 500);
  }

  private static EmbeddedRedis redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = EmbeddedRedis.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Test
  void oneRequestOfEachCategoryIsCountedOnceUnderItsCategoryWithoutSentry() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0); AgentApp app = start(receiver, true)) {
      for (Map.Entry<String, Integer> failing : FAILING.entrySet()) {
        assertThat(Http.get(app.port(), failing.getKey()).statusCode()).as(failing.getKey()).isEqualTo(failing.getValue());
      }
      // answers that are not the application's errors: a business rule's refusal, an unknown path, a success
      assertThat(Http.get(app.port(), "/settlements/approve").statusCode()).isEqualTo(409);
      assertThat(Http.get(app.port(), "/no/such/page").statusCode()).isEqualTo(404);
      assertThat(Http.get(app.port(), "/farmers/me", "Authorization", "Bearer farmer").statusCode()).isEqualTo(200);

      Map<String, Long> expected = new TreeMap<>();
      expected.put("GET /farmers/lookup database", 1L);
      expected.put("GET /whatsapp/send network", 1L);
      expected.put("GET /rates/today external_service", 1L);
      expected.put("GET /entries validation", 1L);
      expected.put("GET /farmers/me authentication", 1L);
      expected.put("GET /admin/settlements authorization", 1L);
      expected.put("GET /ledger/total business_logic", 1L);
      Map<String, Long> counted = Map.of();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && !counted.equals(expected)) {
        Thread.sleep(200);
        counted = latestCounts(receiver);
      }
      assertThat(counted).isEqualTo(expected);
      Metric metric = ReceivedMetrics.named(receiver, "malar.http.server.errors").get(0);
      assertThat(metric.getUnit()).isEqualTo("{error}");
      assertThat(metric.getSum().getIsMonotonic()).isTrue();
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  @Test
  void offSwitchExportsNoErrorCounter() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0); AgentApp app = start(receiver, false)) {
      assertThat(Http.get(app.port(), "/ledger/total").statusCode()).isEqualTo(500);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && ReceivedMetrics.named(receiver, "http.server.request.duration").isEmpty()) {
        Thread.sleep(200);
      }
      // the request's own metric arrived: an error counter would have been in the same export
      assertThat(ExportedMetrics.names(receiver)).contains("http.server.request.duration").doesNotContain("malar.http.server.errors");
      assertThat(receiver.awaitSpansNamed("GET /ledger/total", 1, WAIT)).hasSize(1);
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  private static AgentApp start(OtlpReceiver receiver, boolean errorsMetric) throws Exception {
    return AgentApp.main(ErrorsApp.class)
        .exportingTo(receiver)
        .property("malar.agent.errors-metric.enabled", Boolean.toString(errorsMetric))
        .property("otel.metrics.exporter", "otlp")
        .property("otel.metric.export.interval", "500")
        .args(Integer.toString(redis.port()))
        .start();
  }

  /** Method, route and category of each point of the last export that carried the counter, with its count. */
  private static Map<String, Long> latestCounts(OtlpReceiver receiver) {
    Map<String, Long> counts = new TreeMap<>();
    for (Metric metric : ReceivedMetrics.named(receiver, "malar.http.server.errors")) {
      counts.clear();
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        counts.put(
            attribute(point.getAttributesList(), "http.request.method") + " "
                + attribute(point.getAttributesList(), "http.route") + " "
                + attribute(point.getAttributesList(), "error.category"),
            point.getAsInt());
      }
    }
    return counts;
  }
}
