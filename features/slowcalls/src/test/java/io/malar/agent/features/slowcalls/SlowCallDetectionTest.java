package io.malar.agent.features.slowcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.binds.CallBinds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The processor in a real SDK: spans with chosen durations, the warning lines and the exported spans. */
class SlowCallDetectionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final String BY_ID = "SELECT name FROM farmers WHERE id = ?";

  private final AtomicLong clock = new AtomicLong(1_000_000 * MS);
  private final List<Map<String, Object>> lines = new ArrayList<>();
  private final List<SpanData> exported = new ArrayList<>();
  private final SlowCallsProcessor processor =
      new SlowCallsProcessor(
          new Thresholds(500 * MS, 1000 * MS, 50 * MS, 10, TimeUnit.MINUTES.toNanos(1)),
          // everything but the processor's own frames: the first frame left is this test's
          new CallSiteFinder(
              new SkippedFrames(
                  List.of(
                      "java.",
                      "jdk.",
                      "io.opentelemetry.",
                      "io.malar.agent.features.slowcalls.CallSiteFinder",
                      "io.malar.agent.features.slowcalls.SlowCallsProcessor"))),
          this::collect,
          clock::get);
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(processor).addSpanProcessor(new Exported()).build();
  private final Tracer tracer = provider.get("test");
  private long now = 1_000 * MS;

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void aQueryUnderTheThresholdLeavesNoTrace() {
    query(null, BY_ID, 499);

    assertThat(lines).isEmpty();
    assertThat(exported.get(0).getAttributes().get(AttributeKey.stringKey("code.function.name"))).isNull();
    assertThat(exported.get(0).getEvents()).isEmpty();
  }

  @Test
  void aSlowQueryIsLoggedWithTheFrameThatIssuedItAndMarkedOnItsSpan() {
    Span server = request("/api/farmers/42");
    int line = query(server, BY_ID, 800);
    endRequest(server, "/api/farmers/*", 5);

    assertThat(lines).hasSize(1);
    Map<String, Object> warning = lines.get(0);
    SpanData query = exportedNamed("SELECT farmers");
    assertThat(warning)
        .containsEntry("type", "slow_query")
        .containsEntry("duration_ms", 800L)
        .containsEntry("threshold_ms", 500L)
        .containsEntry("db.system.name", "h2database")
        .containsEntry("statement", BY_ID)
        .containsEntry("trace_id", query.getTraceId())
        .containsEntry("span_id", query.getSpanId())
        .containsEntry("method", "GET")
        .containsEntry("path", "/api/farmers/42")
        .containsEntry("route", null)
        .containsEntry("frame", getClass().getName() + ".query(SlowCallDetectionTest.java:" + line + ")")
        .containsEntry("suppressed", 0L);
    assertThat(query.getAttributes().get(AttributeKey.stringKey("code.function.name")))
        .isEqualTo(getClass().getName() + ".query");
    assertThat(query.getAttributes().get(AttributeKey.stringKey("code.file.path")))
        .isEqualTo("io/malar/agent/features/slowcalls/SlowCallDetectionTest.java");
    assertThat(query.getAttributes().get(AttributeKey.longKey("code.line.number"))).isEqualTo((long) line);
    assertThat(query.getEvents()).extracting(EventData::getName).containsExactly("slow_query");
  }

  @Test
  void capturedBindsGoMaskedOnASlowOrFailedQueryOnly() {
    CallBinds.callStarted(() -> new Object[] {42, "+91 98400 12345"});
    try {
      query(null, BY_ID, 499);
      query(null, BY_ID, 800);
      Span failed = clientSpan(null, BY_ID);
      failed.setAttribute("error.type", "org.h2.jdbc.JdbcSQLSyntaxErrorException");
      failed.end(now + MS, TimeUnit.NANOSECONDS);
    } finally {
      CallBinds.callEnded();
    }
    query(null, BY_ID, 900);

    assertThat(exported.get(0).getAttributes().get(AttributeKey.stringKey("db.query.parameter.0"))).isNull();
    for (SpanData slowOrFailed : exported.subList(1, 3)) {
      assertThat(slowOrFailed.getAttributes().get(AttributeKey.stringKey("db.query.parameter.0"))).isEqualTo("42");
      assertThat(slowOrFailed.getAttributes().get(AttributeKey.stringKey("db.query.parameter.1"))).isEqualTo("[phone]");
    }
    // the last slow query had no binds captured
    assertThat(exported.get(3).getAttributes().get(AttributeKey.stringKey("db.query.parameter.0"))).isNull();
    assertThat(lines).first().satisfies(warning -> assertThat(warning).containsEntry("binds", List.of("42", "[phone]")));
    assertThat(exported.toString()).doesNotContain("98400");
  }

  @Test
  void aSlowRedisCommandIsLoggedByItsName() {
    Span command =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setNoParent()
            .setStartTimestamp(now, TimeUnit.NANOSECONDS)
            .setAttribute("db.system.name", "redis")
            .setAttribute("db.operation.name", "GET")
            .setAttribute("db.query.text", "GET ?")
            .startSpan();
    command.end(now + 60 * MS, TimeUnit.NANOSECONDS);

    assertThat(lines).singleElement().satisfies(warning -> assertThat(warning)
        .containsEntry("type", "slow_redis")
        .containsEntry("command", "GET")
        .containsEntry("duration_ms", 60L)
        .containsEntry("threshold_ms", 50L)
        .containsEntry("method", null));
    assertThat(exported.get(0).getEvents()).extracting(EventData::getName).containsExactly("slow_redis");
  }

  @Test
  void aBlockingRedisCommandWaitingLongIsNotSlow() {
    Span command =
        tracer
            .spanBuilder("BRPOP")
            .setSpanKind(SpanKind.CLIENT)
            .setNoParent()
            .setStartTimestamp(now, TimeUnit.NANOSECONDS)
            .setAttribute("db.system.name", "redis")
            .setAttribute("db.operation.name", "BRPOP")
            .setAttribute("db.query.text", "BRPOP ? ?")
            .startSpan();
    command.end(now + 2_000 * MS, TimeUnit.NANOSECONDS);

    assertThat(lines).isEmpty();
    assertThat(exported.get(0).getEvents()).isEmpty();
  }

  @Test
  void aStatementRunTwentyFiveTimesInOneRequestIsOneNPlusOne() {
    Span server = request("/api/farmers");
    int line = 0;
    for (int i = 0; i < 25; i++) {
      line = query(server, BY_ID, 2);
    }
    query(server, "SELECT * FROM farmers", 3);
    endRequest(server, "/api/farmers/*", 5);
    int lastLine = line;

    assertThat(lines).singleElement().satisfies(warning -> assertThat(warning)
        .containsEntry("type", "n_plus_one")
        .containsEntry("statement", BY_ID)
        .containsEntry("count", 25)
        .containsEntry("total_ms", 50L)
        .containsEntry("trace_id", server.getSpanContext().getTraceId())
        .containsEntry("span_id", server.getSpanContext().getSpanId())
        .containsEntry("frame", getClass().getName() + ".query(SlowCallDetectionTest.java:" + lastLine + ")"));
    EventData event = exportedNamed("GET").getEvents().get(0);
    assertThat(event.getName()).isEqualTo("n_plus_one");
    assertThat(event.getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(25L);
    assertThat(event.getAttributes().get(AttributeKey.stringKey("db.query.text"))).isEqualTo(BY_ID);
  }

  @Test
  void nineRepetitionsAreNotNPlusOne() {
    Span server = request("/api/farmers");
    for (int i = 0; i < 9; i++) {
      query(server, BY_ID, 2);
    }
    endRequest(server, "/api/farmers/*", 5);

    assertThat(lines).isEmpty();
    assertThat(exportedNamed("GET").getEvents()).isEmpty();
  }

  @Test
  void aSlowRequestBreaksDownItsCallsByFamily() {
    Span server = request("/api/report");
    query(server, BY_ID, 100);
    query(server, "SELECT * FROM farmers", 200);
    query(null, BY_ID, 100); // another trace's, not counted
    redis(server, 7);
    endRequest(server, "/api/report", 1200);

    assertThat(lines).singleElement().satisfies(warning -> assertThat(warning)
        .containsEntry("type", "slow_request")
        .containsEntry("method", "GET")
        .containsEntry("route", "/api/report")
        .containsEntry("status", 200L)
        .containsEntry("duration_ms", 1200L)
        .containsEntry("jdbc_calls", 2)
        .containsEntry("jdbc_ms", 300L)
        .containsEntry("redis_commands", 1)
        .containsEntry("redis_ms", 7L));
  }

  @Test
  void aHundredSlowExecutionsInAMinuteAreOneLineAndTheNextCountsTheRest() {
    for (int i = 0; i < 100; i++) {
      query(null, BY_ID, 600);
      clock.addAndGet(100 * MS);
    }
    assertThat(lines).singleElement().satisfies(warning -> assertThat(warning).containsEntry("suppressed", 0L));

    clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
    query(null, BY_ID, 600);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).containsEntry("suppressed", 99L);
    // every one still got its span event
    assertThat(exported).allSatisfy(span -> assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("slow_query"));
  }

  @Test
  void endedRequestsAreForgotten() {
    for (int i = 0; i < 50; i++) {
      Span server = request("/api/farmers");
      query(server, BY_ID, 1);
      assertThat(processor.openRequests()).isEqualTo(1);
      endRequest(server, "/api/farmers/*", 5);
    }
    assertThat(processor.openRequests()).isZero();
  }

  private Span request(String path) {
    Span server =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.SERVER)
            .setNoParent()
            .setStartTimestamp(now, TimeUnit.NANOSECONDS)
            .setAttribute("http.request.method", "GET")
            .setAttribute("url.path", path)
            .startSpan();
    return server;
  }

  /** As the servlet hook does: route and status are known when the request leaves the servlet. */
  private void endRequest(Span server, String route, long millis) {
    server.setAttribute("http.route", route);
    server.setAttribute("http.response.status_code", 200L);
    server.end(now + millis * MS, TimeUnit.NANOSECONDS);
  }

  /** Runs one query span; returns the line that ended it, the frame the processor should find. */
  private int query(Span server, String statement, long millis) {
    Span span = clientSpan(server, statement);
    // on one line, so the line number is the one of the end() call
    span.end(now + millis * MS, TimeUnit.NANOSECONDS); return new Throwable().getStackTrace()[0].getLineNumber();
  }

  private void redis(Span server, long millis) {
    Span span =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(server))
            .setStartTimestamp(now, TimeUnit.NANOSECONDS)
            .setAttribute("db.system.name", "redis")
            .setAttribute("db.operation.name", "GET")
            .startSpan();
    span.end(now + millis * MS, TimeUnit.NANOSECONDS);
  }

  private Span clientSpan(Span server, String statement) {
    return tracer
        .spanBuilder(statement.startsWith("SELECT name") ? "SELECT farmers" : "SELECT")
        .setSpanKind(SpanKind.CLIENT)
        .setParent(server == null ? Context.root() : Context.root().with(server))
        .setStartTimestamp(now, TimeUnit.NANOSECONDS)
        .setAttribute("db.system.name", "h2database")
        .setAttribute("db.query.text", statement)
        .startSpan();
  }

  private SpanData exportedNamed(String name) {
    return exported.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
  }

  private void collect(String message, Object... fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("message", message);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      line.put((String) fields[i], fields[i + 1]);
    }
    lines.add(line);
  }

  /** What the SDK hands the exporter, after every processor's onEnding. */
  private final class Exported implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      exported.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
