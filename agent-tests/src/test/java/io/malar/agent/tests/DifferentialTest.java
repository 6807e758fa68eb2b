package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.FaultyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.RawHttp;
import io.malar.agent.tests.support.ScriptedRequests;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.SentryEndpoint;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same scripted requests, ordinary, failing and hostile, against the same application without
 * and with the agent: the same statuses, bodies and application exceptions, and no secret of the
 * requests in what the agent exported to the collector or to Sentry; nor does a feature of the
 * agent that throws on every span.
 */
class DifferentialTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Map<String, RawHttp.Response> withoutAgent;
  private static List<String> exceptionsWithoutAgent;

  @BeforeAll
  static void runWithoutAgent() throws Exception {
    try (AgentApp app = AgentApp.main(FaultyApp.class).withoutAgent().start()) {
      withoutAgent = ScriptedRequests.run(app.port());
      exceptionsWithoutAgent = settledExceptions(app);
    }
  }

  @Test
  void theAgentChangesNothingTheApplicationOrItsClientsSee() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        SentryEndpoint sentry = SentryEndpoint.start();
        AgentApp app =
            AgentApp.main(FaultyApp.class)
                .exportingTo(receiver)
                .property("malar.agent.sentry.dsn", sentry.dsn("1"))
                .start()) {
      Map<String, RawHttp.Response> withAgent = ScriptedRequests.run(app.port());

      assertSameAnswers(withAgent, withoutAgent);
      assertThat(exceptionsWithoutAgent).anyMatch(exception -> exception.endsWith("/fail/throw java.lang.IllegalStateException: ledger exploded"));
      assertThat(settledExceptions(app)).isEqualTo(exceptionsWithoutAgent);
      // the requests reached the agent: a failure went to Sentry, the calls were traced
      sentry.awaitEvents(event -> true, 1, WAIT);
      receiver.awaitSpans(span -> "/fail/jdbc-metadata".equals(span.attribute("url.path")), 1, WAIT);
      receiver.awaitSpans(span -> "SELECT".equals(span.attribute("db.operation.name")), 1, WAIT);
      receiver.awaitSpans(span -> "redis".equals(span.attribute("db.system.name")), 1, WAIT);
      receiver.awaitSpans(span -> "/echo/q".equals(span.attribute("url.path")), 1, WAIT);
      assertThat(app.agentErrors()).isEmpty();
      app.close();
      assertThat(receiver.allReceivedText()).doesNotContain(ScriptedRequests.SECRET);
      assertThat(sentry.allReceivedText()).doesNotContain(ScriptedRequests.SECRET);
    }
  }

  @Test
  void aFeatureThatThrowsOnEverySpanCostsTheApplicationNothing() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(FaultyApp.class)
                .exportingTo(receiver)
                .property("malar.agent.testing.fail-every-span", "true")
                .property("otel.metric.export.interval", "500")
                .start()) {
      Map<String, RawHttp.Response> withFailingFeature = ScriptedRequests.run(app.port());

      assertSameAnswers(withFailingFeature, withoutAgent);
      assertThat(settledExceptions(app)).isEqualTo(exceptionsWithoutAgent);
      // the exporter and the other features still get every span
      receiver.awaitSpans(span -> "/echo/q".equals(span.attribute("url.path")), 1, WAIT);
      receiver.awaitSpans(span -> "SELECT".equals(span.attribute("db.operation.name")), 1, WAIT);
      long failures = awaitFeatureFailures(receiver, "fault-injection");
      assertThat(failures).isGreaterThanOrEqualTo(2L * ScriptedRequests.all().size() / 2);
      assertThat(app.agentErrors())
          .as("one line a minute, and no advice error")
          .singleElement()
          .satisfies(line -> assertThat(line).contains("\"feature\":\"fault-injection\"", "injected failure"));
    }
  }

  /** The exported count of a feature's failures, once it is positive and stopped growing. */
  private static long awaitFeatureFailures(OtlpReceiver receiver, String feature) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long previous = -1;
    while (System.nanoTime() < deadline) {
      long current = featureFailures(receiver, feature);
      if (current > 0 && current == previous) {
        return current;
      }
      previous = current;
      Thread.sleep(1200);
    }
    throw new AssertionError("malar.agent.feature.failures for " + feature + " did not settle: " + previous);
  }

  private static long featureFailures(OtlpReceiver receiver, String feature) {
    return ExportedMetrics.sumPoints(receiver, "malar.agent.feature.failures").stream()
        .filter(point -> ExportedMetrics.hasAttribute(point, "malar.feature", feature))
        .mapToLong(NumberDataPoint::getAsInt)
        .max()
        .orElse(0);
  }

  static void assertSameAnswers(Map<String, RawHttp.Response> actual, Map<String, RawHttp.Response> expected) {
    SoftAssertions answers = new SoftAssertions();
    expected.forEach((request, answer) -> answers.assertThat(actual.get(request)).as(request).isEqualTo(answer));
    answers.assertAll();
  }

  /** The exceptions the application printed, once its output has caught up with the last answer. */
  static List<String> settledExceptions(AgentApp app) throws InterruptedException {
    List<String> previous = null;
    List<String> current = printedExceptions(app);
    while (!current.equals(previous)) {
      Thread.sleep(300);
      previous = current;
      current = printedExceptions(app);
    }
    return current;
  }

  private static List<String> printedExceptions(AgentApp app) {
    return app.stdout().lines().filter(line -> line.startsWith("EXCEPTION ")).sorted().collect(Collectors.toList());
  }
}
