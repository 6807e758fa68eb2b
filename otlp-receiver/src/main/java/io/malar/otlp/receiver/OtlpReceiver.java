package io.malar.otlp.receiver;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-process OTLP/HTTP (protobuf) receiver that keeps everything it was sent, so tests can assert
 * on what an exporter really put on the wire.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final int HANDLER_THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReceivedTelemetry received;
  private final OtlpHttpHandler handler;

  private OtlpReceiver(HttpServer server, ExecutorService executor, ReceivedTelemetry received,
      OtlpHttpHandler handler) {
    this.server = server;
    this.executor = executor;
    this.received = received;
    this.handler = handler;
  }

  /** Starts listening on 127.0.0.1 only; {@code port} 0 picks a free ephemeral port. */
  public static OtlpReceiver start(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind OTLP receiver to 127.0.0.1:" + port, e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
    ReceivedTelemetry received = new ReceivedTelemetry();
    OtlpHttpHandler handler = new OtlpHttpHandler(received);
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new OtlpReceiver(server, executor, received, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL; exporters append {@code /v1/traces}, {@code /v1/metrics} or {@code /v1/logs}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Simulates an unavailable collector: later export requests get {@code status} and are not stored. */
  public void respondWith(int status) {
    handler.respondWith(status, Map.of());
  }

  /** Like {@link #respondWith(int)}, with these response headers (e.g. {@code Retry-After}). */
  public void respondWith(int status, Map<String, String> headers) {
    handler.respondWith(status, headers);
  }

  /** Simulates a slow collector: each later export request is answered only after {@code delay}. */
  public void delayAnswers(Duration delay) {
    handler.delayAnswers(delay.toMillis());
  }

  /** Answers at once and normally again. */
  public void respondNormally() {
    handler.respondNormally();
  }

  /** Receives a one-line summary of each stored export request, e.g. "traces: spans=2". */
  public void onExport(Consumer<String> summaryListener) {
    handler.onExport(summaryListener);
  }

  public List<ReceivedSpan> spans() {
    return received.spans();
  }

  public List<ExportTraceServiceRequest> traceRequests() {
    return received.traceRequests();
  }

  public List<ExportMetricsServiceRequest> metricRequests() {
    return received.metricRequests();
  }

  public List<ExportLogsServiceRequest> logRequests() {
    return received.logRequests();
  }

  /** Export requests that reached a signal endpoint, including those refused via {@link #respondWith}. */
  public int requestCount() {
    return received.requestCount();
  }

  public void clear() {
    received.clear();
  }

  /**
   * Waits until at least {@code atLeast} received spans match {@code which} and returns all matching ones.
   *
   * @throws IllegalStateException on timeout, listing the names of every span received so far
   */
  public List<ReceivedSpan> awaitSpans(Predicate<ReceivedSpan> which, int atLeast, Duration timeout) {
    return received.awaitSpans("matching spans", which, atLeast, timeout);
  }

  /** Like {@link #awaitSpans(Predicate, int, Duration)} for spans with the given name. */
  public List<ReceivedSpan> awaitSpansNamed(String name, int atLeast, Duration timeout) {
    return received.awaitSpans("spans named '" + name + "'", span -> span.name().equals(name), atLeast,
        timeout);
  }

  /**
   * Every string and attribute value received, one per line, for asserting that some value was
   * never exported; timestamps, ids and measurements are left out, so digits match only data.
   */
  public String allReceivedText() {
    return received.allText();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "otlp-receiver-" + counter.incrementAndGet());
      // a receiver a test forgot to close must not keep the JVM alive
      thread.setDaemon(true);
      return thread;
    };
  }
}
