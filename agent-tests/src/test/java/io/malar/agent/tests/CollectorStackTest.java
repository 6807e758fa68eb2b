package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.malar.agent.tests.apps.ErrorsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.BackendStack;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.LedgerProcess;
import io.malar.agent.tests.support.Services;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The road for real: the ledger under the agent exports over OTLP to the OpenTelemetry Collector
 * built from otel-collector-config/builder-config.yaml, which sends the traces to Jaeger and
 * exposes the metrics to Prometheus, all run with the shipped files by run-stack.sh.
 */
class CollectorStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String FARMER = "GET /api/v1/farmers/*";
  private static final Map<String, String> PATHS_BY_ROUTE = new LinkedHashMap<>();
  /** A metric the dashboard selects: its name followed by its matchers (label names never are). */
  private static final Pattern METRIC_NAME = Pattern.compile("\\b(malar|http_server|db_client|jvm)_[a-z0-9_]+(?=\\{)");

  static {
    PATHS_BY_ROUTE.put(FARMER, "/api/v1/farmers/");
    PATHS_BY_ROUTE.put("GET /api/v1/notifications/*", "/api/v1/notifications?status=sent&page=");
    PATHS_BY_ROUTE.put("GET /health/*", "/health?probe=");
  }

  @TempDir static Path runDir;
  private static BackendStack stack;

  @TempDir Path dataDir;

  @BeforeAll
  static void startTheStack() throws Exception {
    stack = BackendStack.start(runDir);
  }

  @AfterAll
  static void stopTheStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void tracesReachJaegerAndPercentilesReachPrometheusThroughTheCollector() throws Exception {
    String service = "malar-ledger-" + Long.toHexString(System.nanoTime());
    int agentMetricsPort = Services.freePort();
    try (LedgerProcess ledger = LedgerProcess.start(dataDir, "-Dotel.service.name=" + service,
            "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + BackendStack.OTLP_HTTP_PORT,
            "-Dotel.metric.export.interval=10000", "-Dotel.bsp.schedule.delay=200",
            "-Dmalar.agent.prometheus.port=" + agentMetricsPort)) {
      Traffic traffic = new Traffic(ledger.port());
      traffic.start();
      try {
        JsonNode trace = awaitTrace(service, FARMER, Set.of("SELECT farmers", "GET"));
        assertThat(operations(trace)).contains(FARMER, "SELECT farmers", "GET", "SETEX");

        for (String route : PATHS_BY_ROUTE.keySet()) {
          assertP99AgreesWithTheAgentsOwnEndpoint(service, route, agentMetricsPort);
        }
      } finally {
        traffic.stop();
      }
      assertThat(traffic.failures()).as("requests that failed while exporting").isZero();

      // the counts are cumulative: once the last interval is exported they equal what was sent
      for (Map.Entry<String, AtomicLong> sent : traffic.sentByRoute().entrySet()) {
        String query = "sum(malar_http_server_latency_seconds_count{job=\"" + service + "\",http_route=\""
            + sent.getKey().substring("GET ".length()) + "\"})";
        awaitValue(query, value -> value == sent.getValue().get(), "the requests sent to " + sent.getKey() + ": " + sent.getValue());
      }
      // the ledger's HikariCP pool, under the names the alert rules and the dashboard read
      String pool = "job=\"" + service + "\",db_client_connection_pool_name=\"ledger\"";
      awaitValue("db_client_connection_max{" + pool + "}", value -> value == 10, "the ledger pool's maximum size");
      for (String series : List.of("db_client_connection_count{" + pool + ",db_client_connection_state=\"used\"}",
          "db_client_connection_count{" + pool + ",db_client_connection_state=\"idle\"}", "db_client_connection_pending_requests{" + pool + "}",
          "db_client_connection_wait_time_seconds_bucket{" + pool + "}", "db_client_connection_use_time_seconds_count{" + pool + "}")) {
        awaitSeries(series, "the pool series " + series);
      }
      assertThat(ledger.stderr()).doesNotContain("\"level\":\"ERROR\"");
    }
  }

  @Test
  void everyDashboardQueryAnswersUnderTheLedgersMixedLoad() throws Exception {
    List<String> expressions = dashboardExpressions();
    assertThat(expressions).hasSizeGreaterThan(5);
    // a 1 ms slow-query threshold: the slow-query panels' counter exists whether or not the machine makes a query take 500 ms
    try (LedgerProcess ledger = LedgerProcess.start(dataDir, "-Dotel.service.name=malar-ledger",
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + BackendStack.OTLP_HTTP_PORT,
        "-Dotel.metric.export.interval=2000", "-Dmalar.agent.slow-query.threshold=1ms")) {
      // the load runs while the queries are asked: an idle route's percentiles leave with the next export
      Process load = new ProcessBuilder(AgentApp.javaExecutable().toString(), "-cp",
          LedgerProcess.ledgerJar().toString(), "io.malar.ledger.load.LoadGenerator",
          "--url", "http://127.0.0.1:" + ledger.port(), "--seconds", "300", "--threads", "4")
          .redirectErrorStream(true).redirectOutput(dataDir.resolve("load.log").toFile()).start();
      try {
        // one failed request for certain, whatever the load's mix draws: the error panels' counter exists
        assertThat(Http.get(ledger.port(), "/api/v1/entries?date=yesterday").statusCode()).isEqualTo(400);
        for (String expression : expressions) {
          String evaluated = expression.replaceAll("\\$\\{?__(rate_interval|interval|range)\\}?", "1m")
              .replaceAll("\\$\\{?\\w+\\}?", ".*");
          awaitSeries(evaluated, "dashboard query " + expression);
          // a panel that falls back to 0 answers anyway: each metric it reads must exist as well
          Matcher metric = METRIC_NAME.matcher(expression);
          while (metric.find()) {
            awaitSeries("count({__name__=\"" + metric.group() + "\"})", "the metric " + metric.group() + " of " + expression);
          }
        }
      } finally {
        load.destroy();
        assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void errorsByCategoryAndJvmMetricsReachPrometheusUnderTheirNames() throws Exception {
    String service = "malar-errors-" + Long.toHexString(System.nanoTime());
    try (AgentApp app = AgentApp.main(ErrorsApp.class)
        .property("otel.service.name", service)
        .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + BackendStack.OTLP_HTTP_PORT)
        .property("otel.metrics.exporter", "otlp")
        .property("otel.metric.export.interval", "2000")
        .args("0")
        .start()) {
      assertThat(Http.get(app.port(), "/ledger/total").statusCode()).isEqualTo(500);
      assertThat(Http.get(app.port(), "/ledger/total").statusCode()).isEqualTo(500);
      assertThat(Http.get(app.port(), "/farmers/lookup").statusCode()).isEqualTo(500);
      assertThat(Http.get(app.port(), "/gc").statusCode()).isEqualTo(200);
      String job = "job=\"" + service + "\"";
      awaitValue("sum(malar_http_server_errors_total{" + job + ",http_route=\"/ledger/total\",http_request_method=\"GET\","
          + "error_category=\"business_logic\"})", value -> value == 2, "2 business_logic errors");
      awaitValue("sum(malar_http_server_errors_total{" + job + ",error_category=\"database\"})", value -> value == 1, "1 database error");
      awaitValue("sum(jvm_memory_used_bytes{" + job + ",jvm_memory_type=\"heap\"})", value -> value > 0, "heap in use");
      awaitValue("sum(jvm_memory_limit_bytes{" + job + ",jvm_memory_type=\"heap\"})", value -> value > 0, "a heap limit");
      awaitValue("sum(jvm_memory_used_after_last_gc_bytes{" + job + ",jvm_memory_type=\"heap\"})", value -> value > 0,
          "heap in use after the last collection");
      awaitValue("sum(jvm_gc_duration_seconds_count{" + job + "})", value -> value >= 1, "the application's System.gc()");
      awaitValue("sum(jvm_thread_count{" + job + "})", value -> value > 1, "threads");
      awaitValue("sum(jvm_class_count{" + job + "})", value -> value > 1000, "classes loaded");
      awaitValue("sum(jvm_cpu_time_seconds_total{" + job + "})", value -> value > 0, "CPU time");
      awaitValue("max(jvm_cpu_recent_utilization_ratio{" + job + "})", value -> value >= 0, "recent CPU use");
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  @Test
  void theCollectorRestartedMidRunAndExportResumesWhileTheApplicationNeverNotices() throws Exception {
    String service = "malar-ledger-restart-" + Long.toHexString(System.nanoTime());
    try (LedgerProcess ledger = LedgerProcess.start(dataDir, "-Dotel.service.name=" + service,
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + BackendStack.OTLP_HTTP_PORT,
        "-Dotel.bsp.schedule.delay=200")) {
      Traffic traffic = new Traffic(ledger.port());
      traffic.start();
      try {
        awaitTrace(service, FARMER, Set.of());
        stack.stopCollector();
        Thread.sleep(3_000);
        stack.startCollector();
        long restarted = System.currentTimeMillis() * 1000;
        JsonNode after = awaitTrace(service, FARMER, Set.of(), restarted);
        assertThat(after.path("spans").get(0).path("startTime").asLong()).isGreaterThanOrEqualTo(restarted);
      } finally {
        traffic.stop();
      }
      assertThat(traffic.sent()).isGreaterThan(0);
      assertThat(traffic.failures()).as("requests that failed while the collector was away").isZero();
    }
  }

  private static void assertP99AgreesWithTheAgentsOwnEndpoint(String service, String route, int agentPort) throws Exception {
    String path = route.substring("GET ".length());
    String query = "malar_http_server_latency_seconds{job=\"" + service + "\",http_route=\"" + path
        + "\",http_response_status_class=\"2xx\",quantile=\"0.99\"}";
    List<String> agentLabels = List.of("http_route=\"" + path + "\"", "http_response_status_class=\"2xx\"", "quantile=\"0.99\"");
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      // both read the interval the agent closed last; a read that straddles a new interval is retried
      Double before = agentValue(agentLabels, agentPort);
      Double viaCollector = firstValue(query);
      Double after = agentValue(agentLabels, agentPort);
      last = "agent " + before + " / " + after + ", Prometheus " + viaCollector;
      if (before != null && before.equals(after) && viaCollector != null
          && Math.abs(viaCollector - before) <= before * 0.01) {
        assertThat(viaCollector).isCloseTo(before, within(before * 0.01));
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("the p99 of " + route + " through the collector never matched the agent's own: " + last
        + "\ncollector log:\n" + stack.log("collector"));
  }

  /** The value of the agent's own latency line that has all these labels, in whatever order it prints them. */
  private static Double agentValue(List<String> labels, int agentPort) throws Exception {
    for (String line : Http.get(agentPort, "/metrics").body().split("\n")) {
      if (line.startsWith("malar_http_server_latency_seconds{") && labels.stream().allMatch(line::contains)) {
        return Double.valueOf(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return null;
  }

  private static JsonNode awaitTrace(String service, String operation, Set<String> childOperations) throws Exception {
    return awaitTrace(service, operation, childOperations, 0);
  }

  /** A trace of the service whose root is {@code operation} with children of those names, started at or after {@code sinceMicros}. */
  private static JsonNode awaitTrace(String service, String operation, Set<String> childOperations, long sinceMicros)
      throws Exception {
    String path = "/api/traces?service=" + encode(service) + "&operation=" + encode(operation) + "&limit=50"
        + (sinceMicros > 0 ? "&start=" + sinceMicros : "");
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = Http.get(BackendStack.JAEGER_QUERY_PORT, path).body();
      for (JsonNode trace : JSON.readTree(last).path("data")) {
        if (rootIs(trace, operation) && childrenOfRoot(trace).containsAll(childOperations)) {
          return trace;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Jaeger has no trace of " + service + " rooted at " + operation + " with children "
        + childOperations + ": " + last + "\ncollector log:\n" + stack.log("collector") + "\njaeger log:\n" + stack.log("jaeger"));
  }

  private static boolean rootIs(JsonNode trace, String operation) {
    for (JsonNode span : trace.path("spans")) {
      if (span.path("references").isEmpty() && span.path("operationName").asText().equals(operation)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> childrenOfRoot(JsonNode trace) {
    String root = null;
    for (JsonNode span : trace.path("spans")) {
      if (span.path("references").isEmpty()) {
        root = span.path("spanID").asText();
      }
    }
    Set<String> children = new TreeSet<>();
    for (JsonNode span : trace.path("spans")) {
      for (JsonNode reference : span.path("references")) {
        if (reference.path("spanID").asText().equals(root) && reference.path("refType").asText().equals("CHILD_OF")) {
          children.add(span.path("operationName").asText());
        }
      }
    }
    return children;
  }

  private static List<String> operations(JsonNode trace) {
    List<String> names = new ArrayList<>();
    trace.path("spans").forEach(span -> names.add(span.path("operationName").asText()));
    return names;
  }

  private static void awaitValue(String query, DoublePredicate expected, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Double last = null;
    while (System.nanoTime() < deadline) {
      last = firstValue(query);
      if (last != null && expected.test(last)) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("Prometheus answered " + last + " for " + query + ", expected " + what);
  }

  private static void awaitSeries(String query, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = prometheus(query);
      if (last.path("status").asText().equals("success") && !last.path("data").path("result").isEmpty()) {
        return;
      }
      if (last.path("status").asText().equals("error")) {
        break;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError(what + " (evaluated as " + query + ") returned no series: " + last);
  }

  private static Double firstValue(String query) throws Exception {
    JsonNode result = prometheus(query).path("data").path("result");
    if (result.isEmpty()) {
      return null;
    }
    return Double.valueOf(result.get(0).path("value").get(1).asText());
  }

  private static JsonNode prometheus(String query) throws Exception {
    return JSON.readTree(Http.get(BackendStack.PROMETHEUS_PORT, "/api/v1/query?query=" + encode(query)).body());
  }

  /** Every PromQL expression of the shipped Grafana dashboard. */
  private static List<String> dashboardExpressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    JsonNode dashboard = JSON.readTree(Files.readString(BackendStack.configDir().resolve("grafana/dashboards/malar-agent.json")));
    dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
    return expressions;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Requests to three routes in turn on one thread, counted per route; a non-2xx answer is a failure. */
  private static final class Traffic {
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLong> sentByRoute = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;

    Traffic(int port) {
      this.port = port;
      this.thread = new Thread(this::run, "stack-traffic");
      this.thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }

    Map<String, AtomicLong> sentByRoute() {
      return sentByRoute;
    }

    long sent() {
      return sentByRoute.values().stream().mapToLong(AtomicLong::get).sum();
    }

    int failures() {
      return failures.get();
    }

    private void run() {
      int i = 0;
      while (running.get()) {
        for (Map.Entry<String, String> route : PATHS_BY_ROUTE.entrySet()) {
          try {
            int status = Http.get(port, route.getValue() + (1 + i % 200)).statusCode();
            sentByRoute.computeIfAbsent(route.getKey(), key -> new AtomicLong()).incrementAndGet();
            if (status / 100 != 2) {
              failures.incrementAndGet();
            }
          } catch (IOException | InterruptedException e) {
            failures.incrementAndGet();
          }
        }
        i++;
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
