package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JettyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The switches do what they say, and a bad value costs one clear line, never the application. */
class AgentConfigurationTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void theWholeAgentCanBeTurnedOff() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      try (AgentApp app = AgentApp.main(JettyApp.class).exportingTo(receiver).property("malar.agent.enabled", "false").start()) {
        assertThat(Http.get(app.port(), "/api/v1/farmers/42").statusCode()).isEqualTo(200);
        assertThat(app.stderr()).contains("malar-agent is disabled").doesNotContain("malar-agent started");
      }
      // the application has exited normally: an enabled agent would have flushed its spans by now
      assertThat(receiver.spans()).isEmpty();
      assertThat(receiver.requestCount()).isZero();
    }
  }

  @Test
  void oneInstrumentationCanBeTurnedOff() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(JettyApp.class)
                .exportingTo(receiver)
                .env("MALAR_AGENT_INSTRUMENTATION_JDBC_ENABLED", "false")
                .start()) {
      assertThat(Http.get(app.port(), "/api/v1/farmers/42").statusCode()).isEqualTo(200);
      Http.get(app.port(), "/unavailable");

      ReceivedSpan server =
          receiver.awaitSpans(span -> "/api/v1/farmers/42".equals(span.attribute("url.path")), 1, WAIT).get(0);
      receiver.awaitSpans(span -> "/unavailable".equals(span.attribute("url.path")), 1, WAIT);
      assertThat(server.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
      assertThat(receiver.spans()).noneMatch(span -> span.attribute("db.system.name") != null);
      assertThat(app.stderr()).contains("\"instrumentations\":[\"executors\",\"jaxrs\",\"jdbc-pools\",\"jedis\",\"lettuce\",\"log4j\",\"logback\",\"opentelemetry-api\",\"servlet\",\"spring-mvc\"]");
    }
  }

  @Test
  void aBadValueGivesOneClearLineAndTheDefault() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(JettyApp.class)
                .exportingTo(receiver)
                .property("malar.agent.instrumentation.servlet.enabled", "sometimes")
                .start()) {
      assertThat(Http.get(app.port(), "/api/v1/farmers/42").statusCode()).isEqualTo(200);

      List<String> warnings =
          Arrays.stream(app.stderr().split("\n")).filter(line -> line.contains("invalid configuration value")).collect(Collectors.toList());
      assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains(
          "\"key\":\"malar.agent.instrumentation.servlet.enabled\"",
          "\"value\":\"sometimes\"",
          "\"expected\":\"true or false\"",
          "\"using_default\":\"true\""));
      // the default (enabled) applies: the request is traced
      receiver.awaitSpans(span -> "/api/v1/farmers/42".equals(span.attribute("url.path")), 1, WAIT);
    }
  }
}
