package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JerseyApp;
import io.malar.agent.tests.apps.Spring5App;
import io.malar.agent.tests.apps.SpringBootApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.malar.otlp.receiver.SentryEndpoint.Event;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spring MVC and JAX-RS requests are named by their framework's route template, not by the servlet
 * mapping nor the raw path: in the span's name and {@code http.route}, in the percentile keys, in
 * the slow-request and N+1 lines and on the Sentry event of a handler that throws. A request no
 * handler matched keeps a low-cardinality name.
 */
class FrameworkRoutesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int OWNERS = 50;
  private static final String AGENT_PROJECT = "2";
  private static final String UNKNOWN_PAGE = "/no-such-page-4711";
  /** A handler answering with a Callable: Spring dispatches the request a second time, asynchronously. */
  private static final Map<String, String> SPRING_ASYNC = Map.of("/owners/9/visits", "/owners/{id}/visits");

  @Test
  void springBoot3OnJakartaAndTomcat10() throws Exception {
    String tomcat10 = System.getProperty("malar.test.tomcat10.jar");
    assertThat(Path.of(tomcat10)).exists();
    // Spring Boot's static resources handler matches every path: an unknown page is its 404
    clinic(AgentApp.main(SpringBootApp.class).replacingJar("tomcat-embed-core-", tomcat10), "", "/**", SPRING_ASYNC);
  }

  @Test
  void spring5OnJavaxAndTomcat9() throws Exception {
    AgentApp.Builder app = AgentApp.main(Spring5App.class);
    List<Path> spring5 = spring5Jars();
    assertThat(spring5).hasSize(8);
    for (Path jar : spring5) {
      String name = jar.getFileName().toString();
      app.replacingJar(name.substring(0, name.lastIndexOf('-') + 1), jar.toString());
    }
    // no handler for an unknown page: the dispatcher's mapping stays the route
    Map<String, String> more = new LinkedHashMap<>(SPRING_ASYNC);
    more.put("/v2/owners/5", "/v2/owners/{id}");
    String output = clinic(app, "", "/*", more);
    assertThat(output).as("Spring 5 ran").contains("dispatcher from spring-webmvc-5.");
  }

  @Test
  void jersey3OnJakartaAndJetty12() throws Exception {
    clinic(AgentApp.main(JerseyApp.class), "/api", "/api/*", Map.of());
  }

  @Test
  void withItsInstrumentationOffAFrameworksRequestsKeepTheServletMapping() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(JerseyApp.class)
                .exportingTo(receiver)
                .property("malar.agent.instrumentation.jaxrs.enabled", "false")
                .start()) {
      assertThat(status(app, "/api/owners/7")).isEqualTo(200);
      assertThat(receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT))
          .extracting(ReceivedSpan::name).containsExactly("GET /api/*");
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  /**
   * Requests to the clinic's routes below {@code base}, plus {@code more} (path, route); checks the
   * names, keys, warning lines and Sentry tag; returns what the application printed.
   */
  private static String clinic(AgentApp.Builder builder, String base, String notFoundRoute, Map<String, String> more)
      throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        SentryEndpoint sentry = SentryEndpoint.start();
        AgentApp app =
            builder
                .exportingTo(receiver)
                .property("malar.agent.sentry.dsn", sentry.dsn(AGENT_PROJECT))
                .property("otel.metrics.exporter", "otlp")
                .property("otel.metric.export.interval", "500")
                .property("malar.agent.slow-request.threshold", "0ms")
                .start()) {
      for (int id = 1; id <= OWNERS; id++) {
        assertThat(status(app, base + "/owners/" + (1000 + id))).isEqualTo(200);
      }
      assertThat(status(app, base + "/owners/7/pets/3")).isEqualTo(200);
      assertThat(status(app, base + "/owners/7/pets")).isEqualTo(200);
      assertThat(status(app, base + "/vets.html")).isEqualTo(200);
      assertThat(status(app, base + UNKNOWN_PAGE)).isEqualTo(404);
      assertThat(status(app, base + "/oups")).isEqualTo(500);
      for (String path : more.keySet()) {
        assertThat(status(app, path)).isEqualTo(200);
      }

      Map<String, Long> expected = new LinkedHashMap<>();
      expected.put(base + "/owners/{id}", (long) OWNERS);
      expected.put(base + "/owners/{id}/pets/{petId}", 1L);
      expected.put(base + "/owners/{id}/pets", 1L);
      expected.put(base + "/vets.html", 1L);
      expected.put(notFoundRoute, 1L);
      expected.put(base + "/oups", 1L);
      more.values().forEach(route -> expected.put(route, 1L));
      int requests = expected.values().stream().mapToInt(Long::intValue).sum();

      List<ReceivedSpan> servers = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, requests, WAIT);
      assertThat(servers).as(app.output()).hasSize(requests);
      assertThat(servers).allSatisfy(span -> assertThat(span.name()).isEqualTo("GET " + span.attribute("http.route")));
      assertThat(servers.stream().collect(Collectors.groupingBy(span -> span.attribute("http.route"), Collectors.counting())))
          .isEqualTo(expected);

      // fifty owners, one key: every key of the server latency family is one route
      for (Map.Entry<String, Long> route : expected.entrySet()) {
        awaitCount(receiver, route.getKey(), route.getValue());
      }
      assertThat(serverLatencyRoutes(receiver)).isEqualTo(new TreeSet<>(expected.keySet()));

      // every request is slow at 0 ms; one line per route and interval
      assertThat(warningRoutes(app, "slow_request")).as(app.stderr()).isEqualTo(new TreeSet<>(expected.keySet()));
      assertThat(warningRoutes(app, "n_plus_one")).containsExactly(base + "/owners/{id}/pets");

      ReceivedSpan failed = servers.stream().filter(span -> span.name().equals("GET " + base + "/oups")).findFirst().orElseThrow();
      List<Event> events = sentry.awaitEvents(event -> failed.traceIdHex().equals(event.traceId()), 1, WAIT);
      assertThat(events).singleElement().satisfies(event -> {
        assertThat(event.project()).isEqualTo(AGENT_PROJECT);
        assertThat(event.tags()).containsEntry("http.route", base + "/oups");
      });
      assertThat(app.agentErrors()).isEmpty();
      return app.stdout();
    }
  }

  /** The routes the agent's warning lines of one type name. */
  private static Set<String> warningRoutes(AgentApp app, String type) {
    Pattern route = Pattern.compile("\"route\":\"([^\"]*)\"");
    Set<String> routes = new TreeSet<>();
    for (String line : app.stderr().split("\n")) {
      Matcher found = route.matcher(line);
      if (line.contains("\"type\":\"" + type + "\"") && found.find()) {
        routes.add(found.group(1));
      }
    }
    return routes;
  }

  private static int status(AgentApp app, String path) throws IOException, InterruptedException {
    return Http.get(app.port(), path).statusCode();
  }

  private static List<Path> spring5Jars() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("malar.test.spring5.dir")))) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static void awaitCount(OtlpReceiver receiver, String route, long count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<SummaryDataPoint> points = ExportedMetrics.summaryPoints(receiver, route);
      // the count of a key covers the whole run so far
      if (points.stream().mapToLong(SummaryDataPoint::getCount).max().orElse(0) >= count) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(ExportedMetrics.summaryPoints(receiver, route)).as("percentiles of %s", route)
        .extracting(SummaryDataPoint::getCount).contains(count);
  }

  /** The http.route of every key the server latency percentiles reported. */
  private static Set<String> serverLatencyRoutes(OtlpReceiver receiver) {
    Function<List<KeyValue>, String> route =
        attributes -> attributes.stream().filter(kv -> kv.getKey().equals("http.route")).map(kv -> kv.getValue().getStringValue())
            .findFirst().orElse(null);
    Set<String> routes = new TreeSet<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            if (metric.getName().equals("malar.http.server.latency")) {
              metric.getSummary().getDataPointsList().forEach(point -> routes.add(route.apply(point.getAttributesList())));
            }
          }
        }
      }
    }
    return routes;
  }
}
