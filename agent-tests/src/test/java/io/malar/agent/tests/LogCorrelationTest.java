package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LogCorrelationApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application's own log lines, through SLF4J over Logback or Log4j 2 (their real jars, newest
 * and oldest supported), carry the trace id of the request they were written in (the exported
 * server span's), its span id, flags and X-Request-Id, next to the application's own MDC entries;
 * lines outside the request carry none. Pattern layouts print the whole MDC; the newest versions
 * also write JSON through their own JSON layouts behind an async appender.
 */
class LogCorrelationTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Newest and oldest of each framework; the newest also write JSON. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "logback-newest, logback.configurationFile, logback-json.xml, ch.qos.logback, true",
    "logback-oldest, logback.configurationFile, logback-pattern.xml, ch.qos.logback, false",
    "log4j-newest, log4j2.configurationFile, log4j2-json.xml, org.apache.logging, true",
    "log4j-oldest, log4j.configurationFile, log4j2-pattern.xml, org.apache.logging, false"
  })
  void linesInsideTheRequestCarryItsIds(String jars, String configProperty, String config, String bindingPackage, boolean json)
      throws Exception {
    Lines lines = correlated(jars, configProperty, config, bindingPackage);
    if (json) {
      lines.jsonCarriesIds();
    }
  }

  @Test
  void withoutTheAgentOrWithTheSwitchOffLinesCarryOnlyTheApplicationsMdc() throws Exception {
    for (boolean agent : new boolean[] {false, true}) {
      try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
        AgentApp.Builder app = builder("logback-newest", "logback.configurationFile", "logback-pattern.xml");
        app = agent ? app.exportingTo(receiver).property("malar.agent.log-correlation.enabled", "false") : app.withoutAgent();
        String stdout = run(app);
        assertThat(line(stdout, "inside request")).contains("customer=c-42").doesNotContain("trace_id", "span_id", "request_id");
        assertThat(line(stdout, "outside before")).contains("customer=main").doesNotContain("trace_id");
      }
    }
  }

  private Lines correlated(String jars, String configProperty, String config, String bindingPackage) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      String stdout = run(builder(jars, configProperty, config).exportingTo(receiver));
      assertThat(stdout).contains("binding " + bindingPackage, "reply 200 logged");
      ReceivedSpan server = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
      String ids = "trace_id=" + server.traceIdHex();
      // the W3C trace flags' low byte: sampled, and the SDK's random trace id flag
      String flags = String.format("%02x", server.span().getFlags() & 0xff);
      assertThat(line(stdout, "inside request"))
          .contains(ids, "span_id=" + server.spanIdHex(), "trace_flags=" + flags, "request_id=" + LogCorrelationApp.REQUEST_ID, "customer=c-42");
      assertThat(line(stdout, "inside request without own MDC")).contains(ids).doesNotContain("customer");
      assertThat(line(stdout, "outside before")).contains("customer=main").doesNotContain("trace_id", "span_id", "request_id");
      assertThat(line(stdout, "outside after")).doesNotContain("trace_id", "span_id", "request_id");
      return new Lines(stdout, server.traceIdHex());
    }
  }

  /** What one run printed, and the trace id of its request. */
  private record Lines(String stdout, String traceId) {
    void jsonCarriesIds() {
      List<String> json = Arrays.stream(stdout.split("\n")).filter(line -> line.startsWith("{")).map(line -> line.replace(" ", "")).toList();
      assertThat(json).filteredOn(line -> line.contains("\"insiderequest\""))
          .singleElement().asString().contains("\"trace_id\":\"" + traceId + "\"", "\"customer\":\"c-42\"", "\"request_id\":\"" + LogCorrelationApp.REQUEST_ID + "\"");
      assertThat(json).filteredOn(line -> line.contains("\"outsidebefore\"") || line.contains("\"outsideafter\""))
          .hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("trace_id"));
    }
  }

  /** The one line whose message is {@code message}: {@code LINE message | mdc}. */
  private static String line(String stdout, String message) {
    List<String> found = Arrays.stream(stdout.split("\n")).filter(line -> line.startsWith("LINE " + message + " | ")).collect(Collectors.toList());
    assertThat(found).as(message + " in\n" + stdout).hasSize(1);
    return found.get(0);
  }

  private static AgentApp.Builder builder(String jars, String configProperty, String config) throws IOException, URISyntaxException {
    AgentApp.Builder app =
        AgentApp.main(LogCorrelationApp.class)
            .withoutWaiting()
            .property(configProperty, Path.of(LogCorrelationTest.class.getResource("/logcorrelation/" + config).toURI()).toString());
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("malar.test.logging.dir"), jars))) {
      for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
        if (jar.getFileName().toString().startsWith("slf4j-api-")) {
          app.replacingJar("slf4j-api-", jar.toString());
        } else {
          app.addingJar(jar.toString());
        }
      }
    }
    return app;
  }

  private static String run(AgentApp.Builder builder) throws Exception {
    try (AgentApp app = builder.start()) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isZero();
      assertThat(app.agentErrors()).isEmpty();
      assertThat(app.stdout()).contains("DONE");
      return app.stdout();
    }
  }
}
