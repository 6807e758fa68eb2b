package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.support.LedgerProcess;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Malar Market ledger (demo-ledger-app/target/malar-ledger.jar, its own H2 database and
 * redis-server) under the built agent: the traces of a cached lookup and of the notification worker,
 * the ledger's own WhatsApp counter, and the Sentry event of the ledger's unexpected exception.
 */
class DemoLedgerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String FARMER_BY_ID = "GET /api/v1/farmers/*";
  private static final String PHONE = "+919876543210";

  @TempDir
  Path dataDir;

  @Test
  void cacheMissAndHitTheWorkersRootSpansAndTheUnexpectedException() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        SentryEndpoint sentry = SentryEndpoint.start()) {
      LedgerProcess ledger = LedgerProcess.start(dataDir, "-Dmalar.agent.startup=premain", "-Dotel.bsp.schedule.delay=100",
          "-Dotel.metric.export.interval=500", "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(), "-Dmalar.agent.sentry.dsn=" + sentry.dsn("1"));
      try {
        int port = ledger.port();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(send(http, port, "GET", "/api/v1/farmers/42", null).statusCode()).isEqualTo(200);
        assertThat(send(http, port, "GET", "/api/v1/farmers/42", null).statusCode()).isEqualTo(200);
        assertThat(send(http, port, "POST", "/api/v1/entries",
            "{\"farmerId\":42,\"flowerId\":1,\"quantityKg\":3.5,\"ratePerKg\":600}").statusCode()).isEqualTo(201);

        List<ReceivedSpan> lookups = receiver.awaitSpans(span -> span.name().equals(FARMER_BY_ID), 2, WAIT);
        lookups.sort(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()));
        assertThat(lookups).allSatisfy(server -> {
          assertThat(server.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
          assertThat(server.parentSpanIdHex()).isEmpty();
          assertThat(server.attribute("url.path")).isEqualTo("/api/v1/farmers/42");
        });
        // the miss: Redis GET, the SELECT through HikariCP, then SETEX, all children of the server span
        assertThat(children(receiver, lookups.get(0), 3)).extracting(ReceivedSpan::name)
            .containsExactly("GET", "SELECT farmers", "SETEX");
        // the hit: only the Redis GET
        assertThat(children(receiver, lookups.get(1), 1)).extracting(ReceivedSpan::name).containsExactly("GET");

        // the worker takes the notice off the queue outside any request: each delivery is the ledger's
        // own span (through the plain OpenTelemetry API), the root of its trace, its calls inside
        List<ReceivedSpan> deliveries = receiver.awaitSpansNamed("deliver notice", 1, WAIT);
        assertThat(deliveries).allSatisfy(delivery -> {
          assertThat(delivery.scopeName()).isEqualTo("io.malar.ledger.notifications");
          assertThat(delivery.parentSpanIdHex()).isEmpty();
        });
        assertThat(children(receiver, deliveries.get(0), 2)).extracting(ReceivedSpan::name).contains("UPDATE notifications");
        List<ReceivedSpan> taken = receiver.awaitSpans(span -> span.name().equals("UPDATE notifications"), 1, WAIT);
        assertThat(taken).allSatisfy(span -> assertThat(receiver.spans())
            .anySatisfy(delivery -> {
              assertThat(delivery.name()).isEqualTo("deliver notice");
              assertThat(delivery.spanIdHex()).isEqualTo(span.parentSpanIdHex());
            }));
        // the ledger's WhatsApp counter counts each delivery once, failed ones as failed
        ReceivedMetrics.awaitValuesBy(receiver, "ledger.whatsapp.messages", "outcome", byOutcome -> {
          List<ReceivedSpan> delivered = receiver.spans().stream().filter(span -> span.name().equals("deliver notice")).collect(Collectors.toList());
          long failures = delivered.stream().filter(span -> span.statusCode() == StatusCode.STATUS_CODE_ERROR).count();
          return byOutcome.getOrDefault("sent", 0.0) == delivered.size() - failures && byOutcome.getOrDefault("failed", 0.0) == failures
              && byOutcome.keySet().stream().allMatch(outcome -> outcome.equals("sent") || outcome.equals("failed"));
        }, WAIT);
        List<ReceivedSpan> polls = receiver.awaitSpans(span -> span.name().equals("BRPOP"), 1, WAIT);
        assertThat(polls).allSatisfy(poll -> {
          assertThat(poll.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
          assertThat(poll.parentSpanIdHex()).isEmpty();
          assertThat(poll.attribute("db.query.text")).isEqualTo("BRPOP ? ?");
        });
        ReceivedSpan entry = receiver.awaitSpans(span -> span.name().equals("POST /api/v1/entries/*"), 1, WAIT).get(0);
        assertThat(children(receiver, entry, 7)).extracting(ReceivedSpan::name)
            .contains("INSERT entries", "INSERT notifications", "LPUSH");

        // a farmer registered without a village: the statement's code does not expect it
        HttpResponse<String> registered = send(http, port, "POST", "/api/v1/farmers", "{\"name\":\"Ravi\",\"phone\":\"" + PHONE + "\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(registered.body());
        assertThat(id.find()).isTrue();
        String statementPath = "/api/v1/reports/farmer-statement/" + id.group(1);
        assertThat(send(http, port, "GET", statementPath, null).statusCode()).isEqualTo(500);
        ReceivedSpan failed = receiver.awaitSpans(span -> statementPath.equals(span.attribute("url.path")), 1, WAIT).get(0);
        List<SentryEndpoint.Event> events = sentry.awaitEvents(event -> true, 1, WAIT);
        assertThat(events).singleElement().satisfies(event -> {
          assertThat(event.exceptions()).last().satisfies(escaped -> assertThat(escaped.get("type")).isEqualTo("NullPointerException"));
          assertThat(event.json()).containsEntry("transaction", "GET /api/v1/reports/*");
          assertThat(event.tags()).containsEntry("error.category", "business_logic");
          assertThat(event.traceId()).isEqualTo(failed.traceIdHex());
        });
        assertThat(sentry.allReceivedText()).doesNotContain(PHONE);
      } finally {
        assertThat(ledger.stop()).as("the ledger stops on SIGTERM").isTrue();
      }
      assertThat(ledger.stderr()).doesNotContain("\"level\":\"ERROR\"");
      assertThat(receiver.allReceivedText()).doesNotContain("Vanakkam", "+9194");
    }
  }

  private static List<ReceivedSpan> children(OtlpReceiver receiver, ReceivedSpan parent, int atLeast) {
    return receiver.awaitSpans(span -> span.parentSpanIdHex().equals(parent.spanIdHex()), atLeast, WAIT).stream()
        .peek(child -> assertThat(child.traceIdHex()).isEqualTo(parent.traceIdHex()))
        .sorted(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()))
        .collect(Collectors.toList());
  }

  private static HttpResponse<String> send(HttpClient http, int port, String method, String path, String json) throws Exception {
    HttpRequest.BodyPublisher body =
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body).header("Content-Type", "application/json").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
