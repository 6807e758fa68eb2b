package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LedgerWork;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every servlet container must show under the agent: one server span per request through two
 * filters, with H2 (behind HikariCP) and Redis spans as its children.
 */
abstract class ServletContractTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static OtlpReceiver receiver;
  private static EmbeddedRedis redis;
  private static AgentApp app;

  static void start(Class<?> appClass) throws Exception {
    receiver = OtlpReceiver.start(0);
    redis = EmbeddedRedis.start();
    app =
        AgentApp.main(appClass)
            .exportingTo(receiver)
            .property("test.redis.port", Integer.toString(redis.port()))
            .start();
  }

  @AfterEach
  void noAgentErrors() {
    assertThat(app.agentErrors()).as("agent errors\n%s", app.output()).isEmpty();
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    redis.close();
    receiver.close();
  }

  @Test
  void oneServerSpanThroughTwoFiltersWithJdbcAndRedisChildren() throws Exception {
    HttpResponse<String> response =
        Http.get(app.port(), "/api/v1/farmers/42?page=2&access_token=abc123", "User-Agent", "ledger-test/1.0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(LedgerWork.NAME);

    ReceivedSpan server = onlyServerSpan("/api/v1/farmers/42");
    assertThat(server.name()).isEqualTo("GET /api/v1/farmers/*");
    assertThat(server.attribute("http.request.method")).isEqualTo("GET");
    assertThat(server.attribute("http.route")).isEqualTo("/api/v1/farmers/*");
    assertThat(server.attribute("url.path")).isEqualTo("/api/v1/farmers/42");
    assertThat(server.attribute("url.scheme")).isEqualTo("http");
    assertThat(server.attribute("url.query")).isEqualTo("page=2&access_token=REDACTED");
    assertThat(server.longAttribute("http.response.status_code")).isEqualTo(200L);
    assertThat(server.attribute("server.address")).isEqualTo("127.0.0.1");
    assertThat(server.longAttribute("server.port")).isEqualTo((long) app.port());
    assertThat(server.attribute("client.address")).isEqualTo("127.0.0.1");
    assertThat(server.attribute("user_agent.original")).isEqualTo("ledger-test/1.0");
    assertThat(server.attribute("network.protocol.version")).isEqualTo("1.1");
    assertThat(server.resourceAttribute("service.name")).isEqualTo(app.mainClassName());
    assertThat(server.resourceAttribute("telemetry.distro.name")).isEqualTo("malar-agent");
    assertThat(server.resourceAttribute("process.runtime.version")).startsWith(AgentApp.javaFeatureVersion() + ".");

    List<ReceivedSpan> children =
        receiver.awaitSpans(span -> span.parentSpanIdHex().equals(server.spanIdHex()), 4, WAIT);
    assertThat(children).allSatisfy(child -> {
      assertThat(child.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      assertThat(child.traceIdHex()).isEqualTo(server.traceIdHex());
    });
    assertThat(children.stream().map(ReceivedSpan::name).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("SELECT farmers", "SELECT farmers", "GET", "SETEX");
    assertThat(receiver.allReceivedText())
        .doesNotContain(LedgerWork.PHONE, "98765", LedgerWork.NAME, LedgerWork.CACHED_VALUE, "abc123");
  }

  @Test
  void asyncRequestEndsWhenTheWorkCompletesOnAnotherThread() throws Exception {
    HttpResponse<String> response = Http.get(app.port(), "/async/slow");
    assertThat(response.body()).isEqualTo("done late");

    ReceivedSpan server = onlyServerSpan("/async/slow");
    assertThat(server.name()).isEqualTo("GET /async/*");
    assertThat(server.durationNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    assertThat(server.longAttribute("http.response.status_code")).isEqualTo(200L);
  }

  @Test
  void incomingTraceparentIsContinued() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpanId = "00f067aa0ba902b7";
    Http.get(app.port(), "/api/v1/farmers/7", "traceparent", "00-" + traceId + "-" + callerSpanId + "-01");

    ReceivedSpan server = onlyServerSpan("/api/v1/farmers/7");
    assertThat(server.traceIdHex()).isEqualTo(traceId);
    assertThat(server.parentSpanIdHex()).isEqualTo(callerSpanId);
  }

  @Test
  void aThrowingServletIsAnErrorAndTheClientStillGetsA500() throws Exception {
    HttpResponse<String> response = Http.get(app.port(), "/boom");
    assertThat(response.statusCode()).isEqualTo(500);

    ReceivedSpan server = onlyServerSpan("/boom");
    assertThat(server.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(server.longAttribute("http.response.status_code")).isEqualTo(500L);
    assertThat(server.events()).anySatisfy(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(event.getAttributesList().toString()).contains("ledger exploded");
    });
  }

  @Test
  void a5xxWithoutAnExceptionIsAnError() throws Exception {
    assertThat(Http.get(app.port(), "/unavailable").statusCode()).isEqualTo(503);

    ReceivedSpan server = onlyServerSpan("/unavailable");
    assertThat(server.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attribute("error.type")).isEqualTo("503");
  }

  private static ReceivedSpan onlyServerSpan(String path) {
    List<ReceivedSpan> servers =
        receiver.awaitSpans(
            span -> span.kind() == SpanKind.SPAN_KIND_SERVER && path.equals(span.attribute("url.path")), 1, WAIT);
    assertThat(servers).as("server spans for %s", path).hasSize(1);
    return servers.get(0);
  }
}
