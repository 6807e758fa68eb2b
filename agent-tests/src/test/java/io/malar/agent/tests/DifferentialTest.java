package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.FaultyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.ApplicationExceptions;
import io.malar.agent.tests.support.RawHttp;
import io.malar.agent.tests.support.ScriptedRequests;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.SentryEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same scripted requests, ordinary, failing and hostile, against the same application without
 * and with the agent: the same statuses, bodies and application exceptions, and no secret of the
 * requests in what the agent exported to the collector or to Sentry.
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
      assertThat(exceptionsWithoutAgent).anyMatch(exception -> exception.endsWith("IllegalStateException: ledger exploded"));
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

  static void assertSameAnswers(Map<String, RawHttp.Response> actual, Map<String, RawHttp.Response> expected) {
    SoftAssertions answers = new SoftAssertions();
    expected.forEach((request, answer) -> answers.assertThat(actual.get(request)).as(request).isEqualTo(answer));
    answers.assertAll();
  }

  /** The exceptions the application logged, once its log has caught up with the last answer. */
  static List<String> settledExceptions(AgentApp app) throws InterruptedException {
    List<String> previous = null;
    List<String> current = ApplicationExceptions.in(app.stderr());
    while (!current.equals(previous)) {
      Thread.sleep(300);
      previous = current;
      current = ApplicationExceptions.in(app.stderr());
    }
    return current;
  }
}
