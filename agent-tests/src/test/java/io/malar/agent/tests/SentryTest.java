package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.SentryApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.malar.otlp.receiver.SentryEndpoint.Event;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Error captures sent to a local Sentry endpoint by the agent, linked to the exported traces, and
 * nothing secret in them. The application runs its own Sentry SDK (another version) at another
 * DSN: project 1 is the application's, project 2 the agent's.
 */
class SentryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String APP_PROJECT = "1";
  private static final String AGENT_PROJECT = "2";
  private static final int RATE_LIMIT = 5;
  /** Where the signed-in farmer's requests come from: an address no URL or header of the test holds. */
  private static final String OTHER_CLIENT = "127.0.0.2";

  private static OtlpReceiver receiver;
  private static SentryEndpoint sentry;
  private static AgentApp app;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start(0);
    sentry = SentryEndpoint.start();
    app =
        AgentApp.main(SentryApp.class)
            .exportingTo(receiver)
            .property("malar.agent.sentry.dsn", sentry.dsn(AGENT_PROJECT))
            .property("malar.agent.sentry.rate-limit", Integer.toString(RATE_LIMIT))
            .property("otel.metrics.exporter", "otlp")
            .property("otel.metric.export.interval", "500")
            .property("otel.resource.attributes", "deployment.environment.name=market-test,service.version=2.4.1")
            .args(sentry.dsn(APP_PROJECT))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    } finally {
      app.close();
      sentry.close();
      receiver.close();
    }
  }

  @Test
  void exceptionEscapingARequestIsOneEventLinkedToItsTraceWithoutSecrets() throws Exception {
    HttpResponse<String> response =
        Http.get(
            app.port(),
            "/ledger/total?token=tok-secret-789&page=2",
            "Authorization", "Bearer auth-secret-123",
            "Cookie", "JSESSIONID=cookie-secret-456",
            "X-Api-Key", "key-secret-000",
            "User-Agent", "ledger-client/1.0");
    assertThat(response.statusCode()).isEqualTo(500);

    ReceivedSpan server = serverSpan("GET /ledger/*");
    Event event = onlyEvent(server);
    assertThat(event.exceptions()).extracting(exception -> exception.get("type"), exception -> exception.get("value"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IllegalStateException", "ledger total does not balance"));
    assertThat(event.spanId()).isEqualTo(server.spanIdHex());
    assertThat(event.tags()).containsEntry("http.route", "/ledger/*").containsEntry("error.category", "business_logic");
    Map<String, Object> request = event.map("request");
    assertThat(request).containsEntry("method", "GET").containsEntry("url", "http://127.0.0.1:" + app.port() + "/ledger/total");
    assertThat(request.get("query_string")).isEqualTo("token=REDACTED&page=2");
    assertThat(event.map("request").get("headers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("User-Agent", "ledger-client/1.0")
        .doesNotContainKeys("Authorization", "Cookie", "X-Api-Key");
    assertThat(event.map("user")).doesNotContainKey("ip_address");
    assertThat(event.json()).containsEntry("environment", "market-test").containsEntry("release", "2.4.1");

    assertThat(server.attribute("error.category")).isEqualTo("business_logic");
    assertThat(server.attribute("sentry.event_id")).isEqualTo(event.eventId());
    assertThat(sentry.allReceivedText())
        .doesNotContain("auth-secret-123", "cookie-secret-456", "key-secret-000", "tok-secret-789", "Authorization", "Cookie");
  }

  @Test
  void badSqlIsADatabaseErrorWithTheSanitizedStatementsAsBreadcrumbs() throws Exception {
    assertThat(Http.get(app.port(), "/farmers/lookup").statusCode()).isEqualTo(500);

    ReceivedSpan server = serverSpan("GET /farmers/lookup");
    Event event = onlyEvent(server);
    assertThat(event.tags()).containsEntry("error.category", "database").containsKey("db.response.status_code");
    assertThat(event.exceptions()).extracting(exception -> exception.get("type"))
        .contains("JdbcSQLSyntaxErrorException", "IllegalStateException");
    assertThat(event.breadcrumbs())
        .extracting(crumb -> crumb.get("message"), crumb -> crumb.get("level"), crumb -> crumb.get("category"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SELECT name FROM farmers WHERE id = ?", "info", "db.sql.query"),
            org.assertj.core.groups.Tuple.tuple("SELECT * FROM farmers WHERE nmae = ?", "error", "db.sql.query"));
    assertThat(server.attribute("error.category")).isEqualTo("database");
    assertThat(sentry.allReceivedText()).doesNotContain(SentryApp.SQL_LITERAL, "Selvi");
  }

  @Test
  void asyncFailureOnAnotherThreadIsOneEventLinkedToItsTrace() throws Exception {
    assertThat(Http.get(app.port(), "/settlements/async").statusCode()).isEqualTo(500);

    ReceivedSpan server = serverSpan("GET /settlements/async");
    Event event = onlyEvent(server);
    assertThat(event.exceptions()).singleElement().satisfies(exception -> {
      assertThat(exception.get("type")).isEqualTo("IllegalStateException");
      assertThat(exception.get("value")).isEqualTo("settlement failed on settlement-worker");
    });
    assertThat(event.tags()).containsEntry("http.route", "/settlements/async");
    assertThat(server.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(server.attribute("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(server.events()).filteredOn(spanEvent -> spanEvent.getName().equals("exception")).singleElement()
        .satisfies(exception -> assertThat(exception.getAttributesList())
            .filteredOn(attribute -> attribute.getKey().equals("exception.type"))
            .extracting(attribute -> attribute.getValue().getStringValue())
            .containsExactly("java.lang.IllegalStateException"));
  }

  @Test
  void withoutSendDefaultPiiNeitherTheUserNorTheClientAddressIsSent() throws Exception {
    assertThat(farmerSettlement(app)).isEqualTo(500);

    ReceivedSpan server = serverSpan("GET /farmers/me/*");
    assertThat(onlyEvent(server).map("user")).doesNotContainKeys("username", "ip_address");
    assertThat(sentry.allReceivedText())
        .doesNotContain(SentryApp.FARMER, OTHER_CLIENT, "REMOTE_ADDR")
        .doesNotContain("Authorization", SentryApp.farmerCredentials(), SentryApp.FARMER_PASSWORD);
    assertThat(receiver.allReceivedText()).doesNotContain(SentryApp.FARMER);
  }

  @Test
  void withSendDefaultPiiTheEventNamesTheUserAndTheClientAddressButNoSpanDoes() throws Exception {
    try (OtlpReceiver otlp = OtlpReceiver.start(0);
        SentryEndpoint piiSentry = SentryEndpoint.start();
        AgentApp ledger =
            AgentApp.main(SentryApp.class)
                .exportingTo(otlp)
                .property("malar.agent.sentry.dsn", piiSentry.dsn(AGENT_PROJECT))
                .property("malar.agent.sentry.send-default-pii", "true")
                .start()) {
      assertThat(farmerSettlement(ledger)).isEqualTo(500);

      Event event = onlyEvent(piiSentry, serverSpan(otlp, "GET /farmers/me/*"));
      assertThat(event.map("user")).containsEntry("username", SentryApp.FARMER).containsEntry("ip_address", OTHER_CLIENT);
      assertThat(event.map("request").get("env")).isEqualTo(Map.of("REMOTE_ADDR", OTHER_CLIENT));
      assertThat(piiSentry.allReceivedText())
          .doesNotContain("Authorization", SentryApp.farmerCredentials(), SentryApp.FARMER_PASSWORD);
      assertThat(otlp.allReceivedText()).doesNotContain(SentryApp.FARMER);
      assertThat(ledger.agentErrors()).isEmpty();
    }
  }

  @Test
  void serverErrorWithoutAnExceptionIsAMessageEvent() throws Exception {
    assertThat(Http.get(app.port(), "/unavailable").statusCode()).isEqualTo(503);

    ReceivedSpan server = serverSpan("GET /unavailable");
    Event event = onlyEvent(server);
    assertThat(event.map("message").get("formatted")).isEqualTo("HTTP 503 GET /unavailable");
    assertThat(event.exceptions()).isEmpty();
    assertThat(event.tags()).containsEntry("http.response.status_code", "503");
  }

  @Test
  void aStormOfOneErrorIsRateLimitedAndTheDropsCounted() throws Exception {
    int requests = 500;
    for (int i = 0; i < requests; i++) {
      assertThat(Http.get(app.port(), "/storm").statusCode()).isEqualTo(500);
    }
    Predicate<Event> storm = event -> "/storm".equals(event.tags().get("http.route"));
    assertThat(sentry.awaitEvents(storm, RATE_LIMIT, WAIT)).hasSizeGreaterThanOrEqualTo(RATE_LIMIT);
    // the window restarts a minute after its first event: a slow burst may span two windows
    long dropped = awaitRateLimited(requests - 2 * RATE_LIMIT);
    List<Event> sent = sentry.awaitEvents(storm, (int) (requests - dropped), WAIT);
    assertThat(sent.size() + dropped).isEqualTo(requests);
    assertThat(sent).allSatisfy(event -> assertThat(event.project()).isEqualTo(AGENT_PROJECT));
    assertThat(app.stderr()).contains("sentry: repeated errors beyond the rate limit are dropped and counted");
  }

  @Test
  void theApplicationsOwnSentryAndTheAgentsEachReportToTheirOwnDsn() throws Exception {
    assertThat(Http.get(app.port(), "/own-sentry").statusCode()).isEqualTo(500);

    List<Event> appEvents = sentry.awaitEvents(exceptionValue("reported by the ledger's own Sentry"), 1, WAIT);
    ReceivedSpan server = serverSpan("GET /own-sentry");
    Event agentEvent = onlyEvent(server);
    assertThat(appEvents).singleElement().satisfies(event -> {
      assertThat(event.project()).isEqualTo(APP_PROJECT);
      assertThat(event.map("sdk").get("version")).isEqualTo("7.22.0");
    });
    assertThat(agentEvent.project()).isEqualTo(AGENT_PROJECT);
    assertThat(agentEvent.map("sdk").get("version")).isNotEqualTo("7.22.0");
    assertThat(sentry.events()).filteredOn(exceptionValue("escaped the ledger")).singleElement()
        .satisfies(event -> assertThat(event.project()).isEqualTo(AGENT_PROJECT));
  }

  /** Sentry hanging, then answering 503 after 2 s: requests complete, none waits for Sentry. */
  @Test
  void aSentryThatHangsOrFailsSlowlyDoesNotHoldRequests() throws Exception {
    try (OtlpReceiver otlp = OtlpReceiver.start(0);
        SentryEndpoint down = SentryEndpoint.start();
        AgentApp ledger =
            AgentApp.main(SentryApp.class)
                .exportingTo(otlp)
                .property("otel.metrics.exporter", "otlp")
                .property("otel.metric.export.interval", "500")
                .property("malar.agent.sentry.dsn", down.dsn(AGENT_PROJECT))
                .property("malar.agent.sentry.rate-limit", "1000")
                .start()) {
      int requests = 40;
      down.hang();
      for (int i = 0; i < requests; i++) {
        assertThat(Http.get(ledger.port(), "/ledger/hang-" + i).statusCode()).isEqualTo(500);
      }
      // one sender thread: at most the envelope it is stuck on (and one more per read timeout)
      assertThat(down.connections()).isLessThanOrEqualTo(3);
      // beyond the queue of 30 and the envelope being sent, the SDK drops events, and they are counted
      awaitDropped(otlp, "queue_overflow", requests - 32);

      down.answerNormally();
      // the queue drains, then new errors are sent again (those made while it is full are dropped)
      List<Event> recovered = List.of();
      for (int attempt = 0; attempt < 40 && recovered.isEmpty(); attempt++) {
        assertThat(Http.get(ledger.port(), "/unavailable").statusCode()).isEqualTo(503);
        recovered = down.awaitEvents(event -> event.map("message").get("formatted") != null, 1, Duration.ofMillis(500));
      }
      assertThat(recovered).as("events flow again once Sentry is back").isNotEmpty();

      down.answer503Slowly();
      int before = down.connections();
      for (int i = 0; i < requests; i++) {
        assertThat(Http.get(ledger.port(), "/ledger/slow-" + i).statusCode()).isEqualTo(500);
      }
      assertThat(down.connections() - before).isLessThan(requests / 2);
      // an event answered 503 is lost, not retried: counted as the SDK reports it
      awaitDropped(otlp, "send_error", 1);
      assertThat(ledger.agentErrors()).isEmpty();
    }
  }

  /** The signed-in farmer's failing request, from {@link #OTHER_CLIENT}; its status. */
  private static int farmerSettlement(AgentApp ledger) throws IOException {
    return Http.getFrom(
        OTHER_CLIENT, ledger.port(), "/farmers/me/settlement", "Authorization", "Basic " + SentryApp.farmerCredentials());
  }

  private static ReceivedSpan serverSpan(String name) {
    return serverSpan(receiver, name);
  }

  private static ReceivedSpan serverSpan(OtlpReceiver exportedTo, String name) {
    List<ReceivedSpan> spans = exportedTo.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER && span.name().equals(name), 1, WAIT);
    assertThat(spans).as("server span %s", name).hasSize(1);
    return spans.get(0);
  }

  /** The agent's one event for the request whose server span this is. */
  private static Event onlyEvent(ReceivedSpan server) throws InterruptedException {
    return onlyEvent(sentry, server);
  }

  private static Event onlyEvent(SentryEndpoint sentTo, ReceivedSpan server) throws InterruptedException {
    List<Event> events = sentTo.awaitEvents(event -> server.traceIdHex().equals(event.traceId()), 1, WAIT);
    assertThat(events).as("events for trace %s among %s", server.traceIdHex(), sentTo.events()).hasSize(1);
    assertThat(events.get(0).project()).isEqualTo(AGENT_PROJECT);
    return events.get(0);
  }

  private static Predicate<Event> exceptionValue(String value) {
    return event -> event.exceptions().stream().anyMatch(exception -> value.equals(exception.get("value")));
  }

  /** Waits until the exported count of events dropped for {@code reason} reaches {@code atLeast}. */
  private static void awaitDropped(OtlpReceiver exportedTo, String reason, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (dropped(exportedTo, reason) < atLeast) {
      assertThat(System.nanoTime()).as("%s events dropped for %s, counted; the agent's metrics: %s", atLeast, reason,
          ReceivedMetrics.describe(exportedTo, "malar.agent.sentry")).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The exported count of rate-limited events, once it reached {@code atLeast} and stopped growing. */
  private static long awaitRateLimited(long atLeast) throws InterruptedException {
    awaitDropped(receiver, "rate_limited", atLeast);
    // one more export interval, in case the last drops were still being counted
    Thread.sleep(1200);
    return dropped(receiver, "rate_limited");
  }

  private static long dropped(OtlpReceiver exportedTo, String reason) {
    return ReceivedMetrics.latest(exportedTo, "malar.agent.sentry.events.dropped", "reason", reason);
  }
}
