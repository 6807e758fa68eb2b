package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.malar.agent.tests.apps.ExecutorsApp;
import io.malar.agent.tests.apps.ExecutorsTomcatApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that hand their lookups to other threads: every lookup is exported as a child of its
 * request's server span, in its trace, whichever thread ran it; no lookup of a request is a root.
 * Jetty 12 (jakarta.servlet) with H2 lookups, and Tomcat 9 (javax.servlet) with Redis commands.
 */
class ExecutorsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static OtlpReceiver receiver;
  private static SentryEndpoint sentry;
  private static EmbeddedRedis redis;
  private static AgentApp app;
  private static AgentApp tomcat;
  /** Traces that legitimately start outside any request. */
  private static final Set<String> backgroundTraces = new HashSet<>();

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start(0);
    sentry = SentryEndpoint.start();
    app =
        AgentApp.main(ExecutorsApp.class)
            .exportingTo(receiver)
            // every request gets its breakdown line, so the lookups it counted can be read
            .property("malar.agent.slow-request.threshold", "1ms")
            .property("malar.agent.slow-calls.warning-interval", "0ms")
            .property("malar.agent.sentry.dsn", sentry.dsn("7"))
            .start();
    // the application's set-up, before it serves, is traced too and belongs to no request
    for (String setUp : List.of("CREATE farmers", "INSERT farmers")) {
      receiver.awaitSpansNamed(setUp, 1, Duration.ofSeconds(20)).forEach(span -> backgroundTraces.add(span.traceIdHex()));
    }
    redis = EmbeddedRedis.start();
    tomcat =
        AgentApp.main(ExecutorsTomcatApp.class)
            .exportingTo(receiver)
            .property("test.redis.port", Integer.toString(redis.port()))
            .start();
  }

  @AfterEach
  void noOrphansNorAgentErrors() {
    List<ReceivedSpan> roots =
        receiver.spans().stream()
            .filter(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span.parentSpanIdHex().isEmpty())
            .filter(span -> !backgroundTraces.contains(span.traceIdHex()))
            .collect(Collectors.toList());
    assertThat(roots).as("client spans exported as roots of their own trace").isEmpty();
    for (AgentApp child : List.of(app, tomcat)) {
      assertThat(child.agentErrors()).as("agent errors\n%s", child.output()).isEmpty();
      assertThat(child.stderr()).doesNotContain("could not instrument");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    tomcat.close();
    redis.close();
    sentry.close();
    receiver.close();
  }

  @Test
  void completableFutureFanOutOnTheCommonPool() throws Exception {
    assertThat(Http.get(app.port(), "/exec/fanout").body()).isEqualTo("farmer 1farmer 2farmer 3farmer 4");
    requestWithLookups("/exec/fanout", 4);
  }

  @Test
  void completableFutureOnItsDefaultExecutor() throws Exception {
    assertThat(Http.get(app.port(), "/exec/fanout-default").body()).isEqualTo("farmer 1farmer 2farmer 3");
    requestWithLookups("/exec/fanout-default", 3);
  }

  @Test
  void asyncRequestCompletedOnAnApplicationExecutor() throws Exception {
    assertThat(Http.get(app.port(), "/exec/async-executor").body()).isEqualTo("farmer 10");
    requestWithLookups("/exec/async-executor", 1);
  }

  @Test
  void asyncContextStart() throws Exception {
    assertThat(Http.get(app.port(), "/exec/async-start").body()).isEqualTo("farmer 11");
    requestWithLookups("/exec/async-start", 1);
  }

  @Test
  void javaxAsyncRequestOnAnApplicationExecutorCountsInRedis() throws Exception {
    assertThat(Http.get(tomcat.port(), "/javax/async-executor").body()).isEqualTo("visits 1");
    requestWithCalls("/javax/async-executor", 1, "INCR ?");
  }

  @Test
  void javaxAsyncContextStart() throws Exception {
    assertThat(Http.get(tomcat.port(), "/javax/async-start").body()).isEqualTo("visits 1");
    requestWithCalls("/javax/async-start", 1, "INCR ?");
  }

  @Test
  void scheduledTasks() throws Exception {
    assertThat(Http.get(app.port(), "/exec/scheduled").body()).isEqualTo("farmer 6");
    requestWithLookups("/exec/scheduled", 2);
  }

  @Test
  void parallelStream() throws Exception {
    assertThat(Http.get(app.port(), "/exec/parallel").body()).startsWith("farmer 1farmer 2");
    requestWithLookups("/exec/parallel", 8);
  }

  @Test
  void virtualThreads() throws Exception {
    assumeTrue(Integer.parseInt(AgentApp.javaFeatureVersion()) >= 21, "virtual threads need Java 21+");
    assertThat(Http.get(app.port(), "/exec/virtual").body()).isEqualTo("farmer 7farmer 8");
    requestWithLookups("/exec/virtual", 3);
  }

  @Test
  void aPooledThreadReusedByAnotherRequestCarriesOnlyThatRequestsContext() throws Exception {
    assertThat(Http.get(app.port(), "/exec/pooled?id=20").body()).isEqualTo("farmer 20farmer 21");
    assertThat(Http.get(app.port(), "/exec/pooled?id=30").body()).isEqualTo("farmer 30farmer 31");
    ReceivedSpan first = requestWithLookups("/exec/pooled", 2, "id=20");
    ReceivedSpan second = requestWithLookups("/exec/pooled", 2, "id=30");
    assertThat(second.traceIdHex()).isNotEqualTo(first.traceIdHex());

    // handed over by a thread outside any request, the same pooled thread runs with no context
    assertThat(Http.get(app.port(), "/exec/background").body()).isEqualTo("farmer 50");
    ReceivedSpan background = requestWithLookups("/exec/background", 0);
    List<ReceivedSpan> roots =
        receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span.parentSpanIdHex().isEmpty()
            && !backgroundTraces.contains(span.traceIdHex()), 1, WAIT);
    assertThat(roots).singleElement().satisfies(root -> {
      assertThat(root.traceIdHex()).isNotIn(first.traceIdHex(), second.traceIdHex(), background.traceIdHex());
      backgroundTraces.add(root.traceIdHex());
    });
  }

  @Test
  void twelveRepetitionsOnWorkerThreadsAreOneNPlusOneOfTheRequest() throws Exception {
    assertThat(Http.get(app.port(), "/exec/repeated").statusCode()).isEqualTo(200);
    ReceivedSpan server = requestWithLookups("/exec/repeated", 12);
    assertThat(server.events()).extracting(event -> event.getName()).containsExactly("n_plus_one");
    List<String> nPlusOne = awaitLines("\"type\":\"n_plus_one\"", 1);
    assertThat(nPlusOne).singleElement().satisfies(line -> assertThat(line)
        .contains("\"trace_id\":\"" + server.traceIdHex() + "\"")
        .contains("\"statement\":\"" + ExecutorsApp.LOOKUP + "\"")
        .contains("\"count\":12"));
    // the request's breakdown counts the calls its workers made
    assertThat(awaitLines("\"trace_id\":\"" + server.traceIdHex() + "\"", 2))
        .filteredOn(line -> line.contains("\"type\":\"slow_request\""))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"jdbc_calls\":12"));
  }

  @Test
  void theErrorEventOfARequestListsTheLookupsItsWorkersMade() throws Exception {
    assertThat(Http.get(app.port(), "/exec/failing").statusCode()).isEqualTo(500);
    ReceivedSpan server = requestWithLookups("/exec/failing", 3);
    List<SentryEndpoint.Event> events = sentry.awaitEvents(event -> server.traceIdHex().equals(event.traceId()), 1, WAIT);
    assertThat(events).singleElement().satisfies(event -> assertThat(event.breadcrumbs())
        .extracting(crumb -> crumb.get("message"))
        .containsExactly(ExecutorsApp.LOOKUP, ExecutorsApp.LOOKUP, ExecutorsApp.LOOKUP));
  }

  private static ReceivedSpan requestWithLookups(String path, int lookups) {
    return requestWithLookups(path, lookups, null);
  }

  private static ReceivedSpan requestWithLookups(String path, int lookups, String query) {
    return requestWithCalls(path, lookups, ExecutorsApp.LOOKUP, query);
  }

  private static ReceivedSpan requestWithCalls(String path, int calls, String text) {
    return requestWithCalls(path, calls, text, null);
  }

  /**
   * The request's server span, once its client calls arrived: each a child of it, and nothing else
   * in its trace.
   */
  private static ReceivedSpan requestWithCalls(String path, int calls, String text, String query) {
    ReceivedSpan server =
        receiver.awaitSpans(span -> isServer(span, path, query), 1, WAIT).stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no server span for " + path + "\n" + receiver.spans()));
    List<ReceivedSpan> trace =
        receiver.awaitSpans(span -> span.traceIdHex().equals(server.traceIdHex()), calls + 1, WAIT);
    assertThat(server.parentSpanIdHex()).isEmpty();
    assertThat(trace).as("the trace of %s", path).hasSize(calls + 1);
    assertThat(trace).filteredOn(span -> span != server).allSatisfy(call -> {
      assertThat(call.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      assertThat(call.attribute("db.query.text")).isEqualTo(text);
      assertThat(call.parentSpanIdHex()).isEqualTo(server.spanIdHex());
    });
    return server;
  }

  private static boolean isServer(ReceivedSpan span, String path, String query) {
    return span.kind() == SpanKind.SPAN_KIND_SERVER
        && path.equals(span.attribute("url.path"))
        && (query == null || query.equals(span.attribute("url.query")));
  }

  private static List<String> awaitLines(String containing, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<String> lines =
          app.stderr().lines().filter(line -> line.contains(containing)).collect(Collectors.toList());
      if (lines.size() >= atLeast || System.nanoTime() > deadline) {
        return lines;
      }
      Thread.sleep(50);
    }
  }
}
