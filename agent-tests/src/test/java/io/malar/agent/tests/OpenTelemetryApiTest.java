package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.OpenTelemetryApiApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An application that makes its own spans and metrics with the plain OpenTelemetry API (the
 * oldest copy on the test class path, 1.40, and the newest): under the agent they are exported in
 * the agent's traces, its span a child of the agent's server span and the parent of the agent's
 * JDBC span; without the agent the same calls are the API's no-ops.
 */
class OpenTelemetryApiTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String API_JAR = "opentelemetry-api-1.40.";
  private static final String CONTEXT_JAR = "opentelemetry-context-1.40.";

  @Test
  void theApplicationsSpansAndMetricsJoinTheAgentsWithApi140() throws Exception {
    assertThat(System.getProperty("java.class.path")).contains(API_JAR, CONTEXT_JAR);
    exportedThroughTheAgent(AgentApp.main(OpenTelemetryApiApp.class));
  }

  @Test
  void theApplicationsSpansAndMetricsJoinTheAgentsWithTheNewestApi() throws Exception {
    String dir = System.getProperty("malar.test.opentelemetry-api.newest.dir");
    String version = System.getProperty("malar.test.opentelemetry-api.newest.version");
    // the newest API needs a third jar, opentelemetry-common: it goes in next to the context
    String contextAndCommon =
        Path.of(dir, "opentelemetry-context-" + version + ".jar") + File.pathSeparator + Path.of(dir, "opentelemetry-common-" + version + ".jar");
    exportedThroughTheAgent(
        AgentApp.main(OpenTelemetryApiApp.class)
            .replacingJar(API_JAR, Path.of(dir, "opentelemetry-api-" + version + ".jar").toString())
            .replacingJar(CONTEXT_JAR, contextAndCommon));
  }

  @Test
  void withoutTheAgentTheCallsAreTheApisNoOps() throws Exception {
    try (AgentApp app = AgentApp.main(OpenTelemetryApiApp.class).withoutAgent().start()) {
      HttpResponse<String> taken = Http.get(app.port(), "/order");
      assertThat(taken.statusCode()).isEqualTo(200);
      assertThat(taken.body())
          .isEqualTo("answer=42 server-span-seen=false order-current=true order-trace=00000000000000000000000000000000");
      HttpResponse<String> refused = Http.get(app.port(), "/order?fail=true");
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).startsWith("answer=42 server-span-seen=false");
      assertThat(app.stderr()).doesNotContain("Exception");
    }
  }

  @Test
  void switchedOffTheApplicationKeepsItsNoOps() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(OpenTelemetryApiApp.class)
                .exportingTo(receiver)
                .property("malar.agent.opentelemetry-api.enabled", "false")
                .start()) {
      HttpResponse<String> taken = Http.get(app.port(), "/order");
      assertThat(taken.body()).startsWith("answer=42 server-span-seen=false order-current=true");
      // the agent's own spans still arrive, the application's do not
      receiver.awaitSpans(span -> "h2database".equals(span.attribute("db.system.name")), 1, WAIT);
      assertThat(receiver.spans()).extracting(ReceivedSpan::name).doesNotContain("take-order");
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  private static void exportedThroughTheAgent(AgentApp.Builder builder) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app = builder.exportingTo(receiver).property("otel.metric.export.interval", "500").start()) {
      HttpResponse<String> taken = Http.get(app.port(), "/order");
      assertThat(taken.statusCode()).isEqualTo(200);
      assertThat(taken.body()).startsWith("answer=42 server-span-seen=true order-current=true order-trace=");
      assertThat(Http.get(app.port(), "/order?fail=true").statusCode()).isEqualTo(409);

      List<ReceivedSpan> orders = receiver.awaitSpansNamed("take-order", 2, WAIT);
      for (ReceivedSpan order : orders) {
        assertThat(order.scopeName()).isEqualTo("flower-orders");
        assertThat(order.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
        assertThat(order.attribute("shop.flower")).isEqualTo("roses");
        ReceivedSpan server = onlySpan(receiver, span -> span.spanIdHex().equals(order.parentSpanIdHex()));
        assertThat(server.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(server.traceIdHex()).isEqualTo(order.traceIdHex());
        assertThat(server.parentSpanIdHex()).isEmpty();
        ReceivedSpan query = onlySpan(receiver, span -> order.spanIdHex().equals(span.parentSpanIdHex()));
        assertThat(query.attribute("db.system.name")).isEqualTo("h2database");
        assertThat(query.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      }
      ReceivedSpan taker = orders.stream().filter(span -> span.statusCode() != StatusCode.STATUS_CODE_ERROR).findFirst().orElseThrow();
      assertThat(taken.body()).endsWith("order-trace=" + taker.traceIdHex());
      assertThat(taker.events()).extracting(event -> event.getName()).containsExactly("stock checked");
      ReceivedSpan refused = orders.stream().filter(span -> span.statusCode() == StatusCode.STATUS_CODE_ERROR).findFirst().orElseThrow();
      assertThat(refused.span().getStatus().getMessage()).isEqualTo("out of stock");
      assertThat(refused.events()).extracting(event -> event.getName()).containsExactly("stock checked", "exception");
      assertThat(refused.events().get(1).getAttributesList())
          .anySatisfy(kv -> {
            assertThat(kv.getKey()).isEqualTo("exception.message");
            assertThat(kv.getValue().getStringValue()).isEqualTo("no roses left");
          });

      ReceivedMetrics.awaitValuesBy(receiver, "shop.orders", "outcome", Map.of("taken", 1.0, "refused", 1.0)::equals, WAIT);
      ReceivedMetrics.awaitValuesBy(receiver, "shop.queue.depth", "queue", Map.of("orders", 7.0)::equals, WAIT);
      Metric weights = ReceivedMetrics.awaitLatest(receiver, "shop.order.weight", WAIT);
      assertThat(weights.getUnit()).isEqualTo("kg");
      assertThat(weights.getHistogram().getDataPoints(0).getCount()).isEqualTo(1);
      assertThat(weights.getHistogram().getDataPoints(0).getSum()).isEqualTo(3.5);

      assertThat(app.agentErrors()).as(app.output()).isEmpty();
      assertThat(app.stderr()).doesNotContain("could not instrument", "left to itself");
    }
  }

  private static ReceivedSpan onlySpan(OtlpReceiver receiver, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> found = receiver.awaitSpans(which, 1, WAIT);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
