package io.malar.ledger.demo;

import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's collector: the project's OTLP receiver and Sentry envelope endpoint on free ports of
 * 127.0.0.1. Prints {@code COLLECTOR <endpoint>} and {@code SENTRY_DSN <dsn>}, then keeps what the
 * agent sends; asked to stop (SIGTERM), it writes what arrived to the summary file.
 *
 * <pre>DemoCollector summary-file</pre>
 */
public final class DemoCollector {
  private DemoCollector() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    Path summaryFile = Path.of(args[0]);
    OtlpReceiver receiver = OtlpReceiver.start(0);
    SentryEndpoint sentry = SentryEndpoint.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        List<ReceivedSpan> spans = receiver.spans();
        Files.writeString(
            summaryFile,
            ExportSummary.render(spans, receiver.metricRequests().size()) + CapturedErrors.render(sentry.events(), spans)
                + MetricsSummary.render(receiver.metricRequests()));
      } catch (IOException | RuntimeException e) {
        System.err.println("cannot write the export summary to " + summaryFile + ": " + e);
      } finally {
        receiver.close();
        sentry.close();
        stopped.countDown();
      }
    }, "demo-collector-summary"));
    System.out.println("COLLECTOR " + receiver.endpoint());
    System.out.println("SENTRY_DSN " + sentry.dsn("1"));
    stopped.await();
  }
}
