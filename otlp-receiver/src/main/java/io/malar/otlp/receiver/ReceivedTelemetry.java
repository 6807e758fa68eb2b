package io.malar.otlp.receiver;

import com.google.protobuf.MessageOrBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The thread-safe store behind {@link OtlpReceiver}; its monitor also wakes up span waiters. */
final class ReceivedTelemetry {

  private final List<ExportTraceServiceRequest> traceRequests = new ArrayList<>();
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ExportMetricsServiceRequest> metricRequests = new ArrayList<>();
  private final List<ExportLogsServiceRequest> logRequests = new ArrayList<>();
  private int requestCount;

  synchronized void countRequest() {
    requestCount++;
  }

  synchronized void addTraces(ExportTraceServiceRequest request) {
    traceRequests.add(request);
    spans.addAll(ReceivedSpan.allOf(request));
    notifyAll();
  }

  synchronized void addMetrics(ExportMetricsServiceRequest request) {
    metricRequests.add(request);
  }

  synchronized void addLogs(ExportLogsServiceRequest request) {
    logRequests.add(request);
  }

  synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  synchronized List<ExportTraceServiceRequest> traceRequests() {
    return List.copyOf(traceRequests);
  }

  synchronized List<ExportMetricsServiceRequest> metricRequests() {
    return List.copyOf(metricRequests);
  }

  synchronized List<ExportLogsServiceRequest> logRequests() {
    return List.copyOf(logRequests);
  }

  synchronized int requestCount() {
    return requestCount;
  }

  synchronized void clear() {
    traceRequests.clear();
    spans.clear();
    metricRequests.clear();
    logRequests.clear();
    requestCount = 0;
  }

  synchronized List<ReceivedSpan> awaitSpans(String expected, Predicate<ReceivedSpan> which, int atLeast,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedSpan> matching = spans.stream().filter(which).collect(Collectors.toList());
      if (matching.size() >= atLeast) {
        return matching;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new IllegalStateException(String.format(
            "expected at least %d %s within %s but %d arrived; all spans received so far: %s",
            atLeast, expected, timeout, matching.size(), spanNames()));
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + expected, e);
      }
    }
  }

  synchronized String allText() {
    StringBuilder text = new StringBuilder();
    appendAll(text, traceRequests);
    appendAll(text, metricRequests);
    appendAll(text, logRequests);
    return text.toString();
  }

  private List<String> spanNames() {
    return spans.stream().map(ReceivedSpan::name).collect(Collectors.toList());
  }

  private static void appendAll(StringBuilder text, List<? extends MessageOrBuilder> requests) {
    for (MessageOrBuilder request : requests) {
      ExportedStrings.append(text, request);
    }
  }
}
