package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.FirstRequestApp;
import io.malar.agent.tests.apps.ShortJobApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.malar.otlp.receiver.SentryEndpoint.Event;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default start-up is complete: an application's very first request, sent the instant its port
 * accepts, and a short job's first calls are traced, processed and exported like any later one: its
 * span and its calls', its Sentry event, its latency in the percentiles and its slow-request check.
 */
class StartupTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int LAUNCHES = 10;
  private static final String SENTRY_PROJECT = "5";

  @Test
  void theFirstRequestIsTracedWithItsCallsAndItsErrorReachesSentryInEveryLaunch() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      for (int launch = 1; launch <= LAUNCHES; launch++) {
        firstRequestOfOneLaunch(launch, redis.port());
      }
    }
  }

  private static void firstRequestOfOneLaunch(int launch, int redisPort) throws Exception {
    int port = Services.freePort();
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        SentryEndpoint sentry = SentryEndpoint.start();
        AgentApp app =
            AgentApp.main(FirstRequestApp.class)
                .exportingTo(receiver)
                .property("malar.agent.sentry.dsn", sentry.dsn(SENTRY_PROJECT))
                .property("otel.metric.export.interval", "500")
                // every request is slow: the warning shows the first one was checked
                .property("malar.agent.slow-request.threshold", "1ms")
                .args(Integer.toString(port), "127.0.0.1", Integer.toString(redisPort))
                .withoutWaiting()
                .start()) {
      assertThat(Http.getAsSoonAsAccepting(port, "/market/opening", WAIT)).as("launch %d", launch).isEqualTo(500);

      ReceivedSpan server = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
      assertThat(server.name()).as("launch %d", launch).isEqualTo("GET /market/*");
      List<ReceivedSpan> children =
          receiver.awaitSpans(span -> span.parentSpanIdHex().equals(server.spanIdHex()), 2, WAIT);
      assertThat(children)
          .as("launch %d: the first request's calls", launch)
          .extracting(span -> span.attribute("db.system.name"))
          .containsExactlyInAnyOrder("redis", "h2database");
      List<Event> events = sentry.awaitEvents(event -> server.traceIdHex().equals(event.traceId()), 1, WAIT);
      assertThat(events).as("launch %d: Sentry events of the first request", launch).hasSize(1);
      assertThat(events.get(0).exceptions()).extracting(exception -> exception.get("value")).containsExactly(FirstRequestApp.FAILURE);
      assertThat(awaitPercentilesCount(receiver)).as("launch %d: requests in the percentiles", launch).isEqualTo(1);
      assertThat(app.awaitStderrLine(WAIT, "\"type\":\"slow_request\"", "\"trace_id\":\"" + server.traceIdHex() + "\""))
          .as("launch %d: the first request's slow_request line", launch)
          .contains("\"route\":\"/market/*\"");
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  /** The count of the percentiles' last exported point for the app's route, once there is one. */
  private static long awaitPercentilesCount(OtlpReceiver receiver) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<SummaryDataPoint> points = ExportedMetrics.summaryPoints(receiver, "/market/*");
      if (!points.isEmpty()) {
        return points.get(points.size() - 1).getCount();
      }
      if (System.nanoTime() > deadline) {
        return 0;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aJobThatExitsAtOnceHasItsCallsExportedBeforeTheJvmExits() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp job =
            AgentApp.main(ShortJobApp.class)
                .exportingTo(receiver)
                // no scheduled export before the JVM exits: only the flush at exit can send them
                .property("otel.bsp.schedule.delay", "600000")
                .withoutWaiting()
                .start()) {
      assertThat(job.awaitExit(WAIT)).as(job.output()).isZero();
      assertThat(job.stdout()).contains("DONE");
      // the receiver has all the JVM exported once it exited
      assertThat(receiver.spans())
          .as(job.output())
          .filteredOn(span -> "h2database".equals(span.attribute("db.system.name")))
          .extracting(ReceivedSpan::name)
          .containsExactly("CREATE job_runs", "INSERT job_runs", "SELECT job_runs");
      assertThat(job.agentErrors()).as(job.output()).isEmpty();
    }
  }
}
