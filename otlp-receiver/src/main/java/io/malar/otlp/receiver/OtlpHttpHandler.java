package io.malar.otlp.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Validates and decodes OTLP/HTTP protobuf export requests; answers every request instead of throwing.
 * Sentry envelopes are accepted too (counted, not decoded), so that a {@link FaultyCollector} can
 * stand for a failing Sentry.
 */
final class OtlpHttpHandler implements HttpHandler {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final int RESPOND_NORMALLY = 0;
  private static final Pattern SENTRY_ENVELOPE = Pattern.compile("/api/[^/]+/envelope/?");
  /** What the export listener is told for each Sentry envelope answered normally. */
  static final String SENTRY_ENVELOPE_SUMMARY = "sentry: envelope";

  private final ReceivedTelemetry received;
  private volatile int forcedStatus = RESPOND_NORMALLY;
  private volatile Map<String, String> forcedHeaders = Map.of();
  private volatile long answerDelayMillis;
  private volatile Consumer<String> exportListener = summary -> {};

  OtlpHttpHandler(ReceivedTelemetry received) {
    this.received = received;
  }

  void respondWith(int status, Map<String, String> headers) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    forcedHeaders = Map.copyOf(headers);
    forcedStatus = status;
  }

  void respondNormally() {
    forcedStatus = RESPOND_NORMALLY;
    answerDelayMillis = 0;
  }

  void delayAnswers(long millis) {
    answerDelayMillis = millis;
  }

  void onExport(Consumer<String> listener) {
    exportListener = listener;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      Reply reply;
      try {
        reply = replyTo(exchange);
      } catch (RuntimeException e) {
        reply = Reply.text(500, "receiver failed: " + e);
      }
      reply.send(exchange);
    } catch (IOException e) {
      // the client went away; there is nobody left to answer
    }
  }

  private Reply replyTo(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Signal signal = Signal.forPath(path);
    boolean envelope = signal == null && SENTRY_ENVELOPE.matcher(path).matches();
    if (signal == null && !envelope) {
      return Reply.text(404, "no OTLP endpoint at " + path + "; use /v1/traces, /v1/metrics or /v1/logs");
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return Reply.text(405, exchange.getRequestMethod() + " is not allowed; OTLP exports use POST");
    }
    received.countRequest();
    waitBeforeAnswering();
    int forced = forcedStatus;
    if (forced != RESPOND_NORMALLY) {
      forcedHeaders.forEach(exchange.getResponseHeaders()::set);
      return Reply.text(forced, "collector unavailable (simulated)");
    }
    if (envelope) {
      exchange.getRequestBody().readAllBytes();
      notifyListener(SENTRY_ENVELOPE_SUMMARY);
      return Reply.text(200, "{}");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!isProtobuf(contentType)) {
      return Reply.text(415, "unsupported content type '" + contentType + "'; only " + PROTOBUF
          + " is supported (OTLP/JSON is not)");
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("identity")) {
      return Reply.text(415, "unsupported content encoding '" + encoding + "'; use gzip or none");
    }
    byte[] body;
    try {
      body = readBody(exchange, "gzip".equalsIgnoreCase(encoding));
    } catch (ZipException e) {
      return Reply.text(400, "body is not valid gzip: " + e.getMessage());
    }
    try {
      return store(signal, body);
    } catch (InvalidProtocolBufferException e) {
      return Reply.text(400, "body is not a valid " + signal.requestType + ": " + e.getMessage());
    }
  }

  private void waitBeforeAnswering() {
    long delay = answerDelayMillis;
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Reply store(Signal signal, byte[] body) throws InvalidProtocolBufferException {
    switch (signal) {
      case TRACES:
        ExportTraceServiceRequest traces = ExportTraceServiceRequest.parseFrom(body);
        received.addTraces(traces);
        notifyListener(ExportSummaries.of(traces));
        return Reply.protobuf(ExportTraceServiceResponse.getDefaultInstance().toByteArray());
      case METRICS:
        ExportMetricsServiceRequest metrics = ExportMetricsServiceRequest.parseFrom(body);
        received.addMetrics(metrics);
        notifyListener(ExportSummaries.of(metrics));
        return Reply.protobuf(ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
      case LOGS:
        ExportLogsServiceRequest logs = ExportLogsServiceRequest.parseFrom(body);
        received.addLogs(logs);
        notifyListener(ExportSummaries.of(logs));
        return Reply.protobuf(ExportLogsServiceResponse.getDefaultInstance().toByteArray());
      default:
        throw new IllegalStateException("unhandled signal " + signal);
    }
  }

  private void notifyListener(String summary) {
    try {
      exportListener.accept(summary);
    } catch (RuntimeException e) {
      // the data is already stored; a faulty listener must not turn the export into a failure
    }
  }

  private static boolean isProtobuf(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim();
    return mediaType.toLowerCase(Locale.ROOT).equals(PROTOBUF);
  }

  private static byte[] readBody(HttpExchange exchange, boolean gzipped) throws IOException {
    InputStream raw = exchange.getRequestBody();
    try (InputStream body = gzipped ? new GZIPInputStream(raw) : raw) {
      return body.readAllBytes();
    }
  }

  private enum Signal {
    TRACES("/v1/traces", "ExportTraceServiceRequest"),
    METRICS("/v1/metrics", "ExportMetricsServiceRequest"),
    LOGS("/v1/logs", "ExportLogsServiceRequest");

    private final String path;
    private final String requestType;

    Signal(String path, String requestType) {
      this.path = path;
      this.requestType = requestType;
    }

    static Signal forPath(String path) {
      for (Signal signal : values()) {
        if (signal.path.equals(path)) {
          return signal;
        }
      }
      return null;
    }
  }

  private static final class Reply {
    private final int status;
    private final String contentType;
    private final byte[] body;

    private Reply(int status, String contentType, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    static Reply protobuf(byte[] body) {
      return new Reply(200, PROTOBUF, body);
    }

    static Reply text(int status, String message) {
      return new Reply(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    void send(HttpExchange exchange) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      // -1 tells HttpServer "no body", which an empty protobuf response is
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }
}
