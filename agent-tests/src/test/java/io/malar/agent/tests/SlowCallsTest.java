package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.malar.agent.tests.apps.SlowCallsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Slow-call warnings from a real application: Jetty, HikariCP and H2 (PostgreSQL where it answers)
 * under the agent. The warning lines on stderr are checked against the spans the agent exported.
 */
class SlowCallsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void h2() throws Exception {
    slowQueriesSlowRequestsAndNPlusOneAreWarnedAboutWithTheApplicationFrame("h2database", "SELECT SLEEP_MS(?)", "slowcalls_farmers");
  }

  @Test
  void postgresql() throws Exception {
    Services.require("PostgreSQL", 5432);
    // a table of this run's own: the test database is shared with whatever else runs
    String table = "slowcalls_farmers_" + Long.toHexString(System.nanoTime());
    slowQueriesSlowRequestsAndNPlusOneAreWarnedAboutWithTheApplicationFrame(
        "postgresql", "SELECT pg_sleep(? / ?)", table, "jdbc:postgresql://127.0.0.1:5432/test", "postgres", table);
  }

  private static void slowQueriesSlowRequestsAndNPlusOneAreWarnedAboutWithTheApplicationFrame(
      String system, String slowStatement, String table, String... args) throws Exception {
    String byId = "SELECT name FROM " + table + " WHERE id = ?";
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(SlowCallsApp.class)
                .args(args)
                .exportingTo(receiver)
                .property("malar.agent.slow-query.threshold", "1s")
                .property("otel.metrics.exporter", "otlp")
                .property("otel.metric.export.interval", "500")
                .start()) {
      // nine repetitions first: were they warned about, the rate limit could not hide it
      assertThat(Http.get(app.port(), "/work/farmers?count=9").statusCode()).isEqualTo(200);
      assertThat(Http.get(app.port(), "/work/farmers?count=25").statusCode()).isEqualTo(200);
      assertThat(Http.get(app.port(), "/work/fast").statusCode()).isEqualTo(200);
      assertThat(Http.get(app.port(), "/report?sleep=1200").body()).contains("slept 1200");

      List<ReceivedSpan> servers = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 4, WAIT);
      ReceivedSpan nine = server(servers, "/work/farmers", 9);
      ReceivedSpan twentyFive = server(servers, "/work/farmers", 25);
      ReceivedSpan report = server(servers, "/report", -1);
      List<ReceivedSpan> reportCalls = clientSpans(receiver, report, 4);

      // the slow query: one line, the exported span's ids, the application's own line
      List<Map<String, Object>> slowQueries = awaitWarnings(app, "slow_query", line -> slowStatement.equals(line.get("statement")));
      assertThat(slowQueries).filteredOn("statement", slowStatement).hasSize(1);
      assertThat(slowQueries).filteredOn("path", "/work/fast").isEmpty();
      Map<String, Object> slow = slowQueries.stream().filter(line -> slowStatement.equals(line.get("statement"))).findFirst().orElseThrow();
      ReceivedSpan slowSpan = reportCalls.stream().filter(span -> slowStatement.equals(span.attribute("db.query.text"))).findFirst().orElseThrow();
      int slowLine = lineMarked("slow query issued here");
      assertThat(slow)
          .containsEntry("statement", slowStatement)
          .containsEntry("db.system.name", system)
          .containsEntry("threshold_ms", 1000L)
          .containsEntry("trace_id", slowSpan.traceIdHex())
          .containsEntry("span_id", slowSpan.spanIdHex())
          .containsEntry("method", "GET")
          .containsEntry("path", "/report")
          .containsEntry("frame", SlowCallsApp.class.getName() + ".monthlyReport(SlowCallsApp.java:" + slowLine + ")");
      assertThat((Long) slow.get("duration_ms")).isBetween(1200L, slowSpan.durationNanos() / 1_000_000);
      assertThat(slowSpan.attribute("code.function.name")).isEqualTo(SlowCallsApp.class.getName() + ".monthlyReport");
      assertThat(slowSpan.attribute("code.file.path")).isEqualTo("io/malar/agent/tests/apps/SlowCallsApp.java");
      assertThat(slowSpan.longAttribute("code.line.number")).isEqualTo((long) slowLine);
      assertThat(slowSpan.events()).extracting(event -> event.getName()).containsExactly("slow_query");
      // bind values are not captured unless asked for
      assertThat(slow).containsEntry("binds", null);
      assertThat(slowSpan.attribute("db.query.parameter.0")).isNull();
      // the quick lookups of the same request and the fast request stay unmarked
      assertThat(reportCalls).filteredOn(span -> !slowStatement.equals(span.attribute("db.query.text")))
          .allSatisfy(span -> assertThat(span.attribute("code.function.name")).isNull());

      // N+1: one line for the 25 repetitions, none for the 9
      List<Map<String, Object>> nPlusOne = awaitWarnings(app, "n_plus_one", line -> true);
      assertThat(nPlusOne).singleElement().satisfies(warning -> assertThat(warning)
          .containsEntry("statement", byId)
          .containsEntry("count", 25L)
          .containsEntry("trace_id", twentyFive.traceIdHex())
          .containsEntry("route", "/work/*")
          .containsEntry("frame", SlowCallsApp.class.getName() + ".farmerNames(SlowCallsApp.java:" + lineMarked("repeated query issued here") + ")"));
      assertThat(twentyFive.events()).extracting(event -> event.getName()).containsExactly("n_plus_one");
      assertThat(nine.events()).isEmpty();

      // the slow request's breakdown is what was exported for its trace
      Map<String, Object> slowRequest =
          awaitWarnings(app, "slow_request", line -> report.traceIdHex().equals(line.get("trace_id"))).stream()
              .filter(warning -> report.traceIdHex().equals(warning.get("trace_id")))
              .findFirst()
              .orElseThrow();
      assertThat(slowRequest)
          .containsEntry("method", "GET")
          .containsEntry("route", "/report")
          .containsEntry("status", 200L)
          .containsEntry("jdbc_calls", (long) reportCalls.size())
          .containsEntry("jdbc_ms", reportCalls.stream().mapToLong(ReceivedSpan::durationNanos).sum() / 1_000_000)
          .containsEntry("redis_commands", 0L);
      assertThat((Long) slowRequest.get("duration_ms")).isEqualTo(report.durationNanos() / 1_000_000);

      // counters per statement
      assertThat(awaitCounter(receiver, "malar.db.slow_queries", slowStatement)).isEqualTo(1);
      assertThat(awaitCounter(receiver, "malar.db.n_plus_one", byId)).isEqualTo(1);
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  @Test
  void bindsOfSlowAndFailedStatementsAreAttachedMaskedWhenAskedFor() throws Exception {
    String contact = "SELECT SLEEP_MS(?), CAST(? AS VARCHAR), CAST(? AS VARCHAR)";
    String insert = "INSERT INTO slowcalls_farmers (id, name) VALUES (?, ?)";
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(SlowCallsApp.class)
                .exportingTo(receiver)
                .property("malar.agent.slow-query.threshold", "1s")
                .property("malar.agent.slow-query.capture-binds", "true")
                .start()) {
      assertThat(Http.get(app.port(), "/contact?sleep=1200").body()).isEqualTo("contact found");
      assertThat(Http.get(app.port(), "/work/register").statusCode()).isEqualTo(409);
      assertThat(Http.get(app.port(), "/work/farmers?count=3").statusCode()).isEqualTo(200);

      ReceivedSpan slowSpan = onlyClientSpan(receiver, contact);
      assertThat(parameters(slowSpan)).containsExactly("1200", "[phone]", "[email]");
      Map<String, Object> warning =
          awaitWarnings(app, "slow_query", line -> contact.equals(line.get("statement"))).stream()
              .filter(line -> contact.equals(line.get("statement")))
              .findFirst()
              .orElseThrow();
      assertThat(warning).containsEntry("binds", List.of("1200", "[phone]", "[email]"));

      ReceivedSpan failed = onlyClientSpan(receiver, insert);
      assertThat(failed.attribute("error.type")).isNotNull();
      assertThat(parameters(failed)).containsExactly("1", "Card [card]");

      // quick successful calls keep their values to themselves
      List<ReceivedSpan> servers = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 3, WAIT);
      List<ReceivedSpan> lookups = clientSpans(receiver, server(servers, "/work/farmers", 3), 3);
      assertThat(lookups).hasSize(3).allSatisfy(span -> assertThat(parameters(span)).isEmpty());

      String everythingSent = receiver.allReceivedText() + app.stderr();
      assertThat(everythingSent)
          .doesNotContain(SlowCallsApp.PHONE)
          .doesNotContain("98400 12345")
          .doesNotContain(SlowCallsApp.EMAIL)
          .doesNotContain("anbu@")
          .doesNotContain(SlowCallsApp.NAME_WITH_CARD)
          .doesNotContain("4111 1111");
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  private static ReceivedSpan onlyClientSpan(OtlpReceiver receiver, String statement) {
    List<ReceivedSpan> spans = receiver.awaitSpans(span -> statement.equals(span.attribute("db.query.text")), 1, WAIT);
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  /** The span's db.query.parameter.N attributes in index order. */
  private static List<String> parameters(ReceivedSpan span) {
    List<String> values = new ArrayList<>();
    for (int i = 0; span.attribute("db.query.parameter." + i) != null; i++) {
      values.add(span.attribute("db.query.parameter." + i));
    }
    return values;
  }

  /** The server span of the request to {@code path}, with {@code count=calls} (-1: any query). */
  private static ReceivedSpan server(List<ReceivedSpan> servers, String path, int calls) {
    return servers.stream()
        .filter(span -> path.equals(span.attribute("url.path")))
        .filter(span -> calls < 0 || ("count=" + calls).equals(span.attribute("url.query")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no server span for " + path + " among " + servers));
  }

  private static List<ReceivedSpan> clientSpans(OtlpReceiver receiver, ReceivedSpan server, int atLeast) {
    return receiver.awaitSpans(
        span -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span.parentSpanIdHex().equals(server.spanIdHex()), atLeast, WAIT);
  }

  /** The agent's warning lines of one type, once one of them is {@code awaited}. */
  private static List<Map<String, Object>> awaitWarnings(AgentApp app, String type, Predicate<Map<String, Object>> awaited)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Map<String, Object>> warnings = new ArrayList<>();
      for (String line : app.stderr().split("\n")) {
        if (line.contains("\"type\":\"" + type + "\"")) {
          warnings.add(parse(line));
        }
      }
      if (warnings.stream().anyMatch(awaited) || System.nanoTime() > deadline) {
        return warnings;
      }
      Thread.sleep(50);
    }
  }

  private static Map<String, Object> parse(String line) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(line)) {
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        fields.put(
            name,
            switch (value) {
              case VALUE_NUMBER_INT -> json.getLongValue();
              case VALUE_NULL -> null;
              case START_ARRAY -> texts(json);
              default -> json.getText();
            });
      }
    }
    return fields;
  }

  /** The rest of an array of strings. */
  private static List<String> texts(JsonParser json) throws IOException {
    List<String> texts = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      texts.add(json.getText());
    }
    return texts;
  }

  /** The line of SlowCallsApp.java that carries {@code marker} in a comment. */
  private static int lineMarked(String marker) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/malar/agent/tests/apps/SlowCallsApp.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line marked " + marker);
  }

  /** The latest value of a counter's point for {@code statement}, waiting until one is exported. */
  private static long awaitCounter(OtlpReceiver receiver, String name, String statement) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Long value = null;
      for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
        for (var resourceMetrics : request.getResourceMetricsList()) {
          for (var scopeMetrics : resourceMetrics.getScopeMetricsList()) {
            for (Metric metric : scopeMetrics.getMetricsList()) {
              if (metric.getName().equals(name)) {
                for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                  if (hasAttribute(point.getAttributesList(), "db.query.text", statement)) {
                    value = point.getAsInt();
                  }
                }
              }
            }
          }
        }
      }
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + name + " point for " + statement);
  }

  private static boolean hasAttribute(List<KeyValue> attributes, String key, String value) {
    return attributes.stream().anyMatch(attribute -> attribute.getKey().equals(key) && attribute.getValue().getStringValue().equals(value));
  }
}
