package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LatencyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.malar.otlp.receiver.OtlpReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A collector that fails every export while requests go on: the requests are answered as usual,
 * what the agent dropped is counted, and the counts reach the collector once it is back.
 */
class ExportFaultsTest {
  private static final int REQUESTS = 40;
  private static final int QUEUE = 8;
  private static final Duration OUTAGE = Duration.ofSeconds(15);

  @Test
  void droppedSpansAreCountedAndExportedOnceTheCollectorIsBack() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      receiver.respondWith(503);
      try (AgentApp app =
          AgentApp.main(LatencyApp.class)
              .exportingTo(receiver)
              .property("otel.metric.export.interval", "1000")
              .property("otel.bsp.schedule.delay", "100")
              .property("otel.bsp.max.queue.size", String.valueOf(QUEUE))
              .property("otel.bsp.max.export.batch.size", "4")
              .start()) {
        for (int i = 0; i < REQUESTS; i++) {
          assertThat(Http.get(app.port(), "/fast").statusCode()).isEqualTo(200);
        }
        // longer than an export's timeout (10 s, retries included): exports give up and drop
        Thread.sleep(OUTAGE.toMillis());
        receiver.respondNormally();

        awaitCount(receiver, () -> processed(receiver, "queue_full") > 0, "spans dropped, queue full");
        awaitCount(receiver, () -> failedExports(receiver) > 0, "spans dropped, export failed");
        awaitCount(receiver, () -> exported(receiver, null) > 0, "spans exported after recovery");
        assertThat(receiver.spans()).isNotEmpty();
        long dropped = processed(receiver, "queue_full") + failedExports(receiver);
        assertThat(dropped + exported(receiver, null)).isLessThanOrEqualTo(REQUESTS);
        assertThat(ReceivedMetrics.latest(receiver, "malar.agent.queue.capacity", "error.type", null)).isEqualTo(QUEUE);
        assertThat(ReceivedMetrics.named(receiver, "malar.agent.queue.size")).isNotEmpty();
        assertThat(ReceivedMetrics.named(receiver, "malar.agent.export.duration")).isNotEmpty();
        assertThat(ReceivedMetrics.named(receiver, "otel.sdk.exporter.span.exported")).isEmpty();
        assertThat(app.agentErrors()).isEmpty();
        // the SDK's warnings go to the agent log, one a minute, never to the application's console
        assertThat(app.stderr()).doesNotContain("WARNING:", "Exception in thread");
        assertThat(app.stderr().lines().filter(line -> line.contains("\"message\":\"OpenTelemetry SDK: "))).hasSizeBetween(1, 2);
      }
    }
  }

  private static long processed(OtlpReceiver receiver, String errorType) {
    return ReceivedMetrics.latest(receiver, "malar.agent.spans.processed", "error.type", errorType);
  }

  private static long failedExports(OtlpReceiver receiver) {
    return ReceivedMetrics.latestWhere(receiver, "malar.agent.spans.exported", "error.type", errorType -> errorType != null);
  }

  private static long exported(OtlpReceiver receiver, String errorType) {
    return ReceivedMetrics.latest(receiver, "malar.agent.spans.exported", "error.type", errorType);
  }

  private static void awaitCount(OtlpReceiver receiver, java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within 60 s; the agent's metrics received last: "
            + ReceivedMetrics.describe(receiver, "malar.agent."));
      }
      Thread.sleep(200);
    }
  }
}
