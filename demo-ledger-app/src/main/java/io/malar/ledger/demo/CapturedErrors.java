package io.malar.ledger.demo;

import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the error events the agent sent to the demo's Sentry endpoint: one line per endpoint,
 * exception and category, with a trace id to look up and whether that trace was exported too.
 */
final class CapturedErrors {
  private static final int MAX_MESSAGE = 100;

  private CapturedErrors() {}

  static String render(List<SentryEndpoint.Event> events, List<ReceivedSpan> spans) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nErrors captured for Sentry: %d events.%n", events.size()));
    if (events.isEmpty()) {
      return text.toString();
    }
    Set<String> exportedTraces = spans.stream().map(ReceivedSpan::traceIdHex).collect(Collectors.toSet());
    Map<String, List<SentryEndpoint.Event>> byKind = events.stream()
        .collect(Collectors.groupingBy(CapturedErrors::kind, LinkedHashMap::new, Collectors.toList()));
    text.append(String.format(Locale.ROOT, "  %6s  %-15s %s%n", "count", "category", "endpoint: error"));
    byKind.forEach((kind, group) -> {
      SentryEndpoint.Event example = group.get(0);
      text.append(String.format(Locale.ROOT, "  %,6d  %-15s %s%n", group.size(), example.tags().get("error.category"), kind));
      text.append("          e.g. trace ").append(example.traceId())
          .append(exportedTraces.contains(example.traceId()) ? " (exported: its spans are in the traces above)" : "")
          .append('\n');
    });
    return text.toString();
  }

  /** {@code GET /route: Type: message} for an exception, {@code GET /route: HTTP 503 ...} for a status. */
  private static String kind(SentryEndpoint.Event event) {
    Object transaction = event.json().get("transaction");
    List<Map<String, Object>> exceptions = event.exceptions();
    String what;
    if (exceptions.isEmpty()) {
      what = String.valueOf(event.map("message").get("formatted"));
    } else {
      // Sentry lists the cause chain innermost first: the last one is what escaped
      Map<String, Object> escaped = exceptions.get(exceptions.size() - 1);
      Object message = escaped.get("value");
      what = escaped.get("type") + (message == null ? "" : ": " + shortened(String.valueOf(message)));
    }
    return transaction + ": " + what;
  }

  private static String shortened(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
  }
}
