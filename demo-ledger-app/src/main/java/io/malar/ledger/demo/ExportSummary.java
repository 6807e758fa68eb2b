package io.malar.ledger.demo;

import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SpanTreePrinter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Renders what the agent exported: spans by kind and name, and two example traces as trees. */
final class ExportSummary {
  private static final String FARMER_BY_ID = "GET /api/v1/farmers/*";
  private static final String RECORD_ENTRY = "POST /api/v1/entries/*";

  private ExportSummary() {}

  static String render(List<ReceivedSpan> spans, int metricRequests) {
    StringBuilder text = new StringBuilder();
    Map<String, List<ReceivedSpan>> traces = spans.stream()
        .collect(Collectors.groupingBy(ReceivedSpan::traceIdHex, LinkedHashMap::new, Collectors.toList()));
    text.append(String.format(Locale.ROOT, "The agent exported %,d spans in %,d traces, and %d metric export requests.%n",
        spans.size(), traces.size(), metricRequests));
    if (spans.isEmpty()) {
      return text.append("No spans arrived: was the ledger started with -javaagent?\n").toString();
    }
    text.append(String.format(Locale.ROOT, "%nSpans by kind and name:%n  %-8s %8s %9s %9s  %s%n",
        "kind", "count", "avg ms", "max ms", "name"));
    Map<String, List<ReceivedSpan>> byKindAndName = new TreeMap<>(spans.stream().collect(
        Collectors.groupingBy(span -> kind(span) + "\t" + span.name())));
    byKindAndName.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<ReceivedSpan>> entry) -> entry.getKey().split("\t")[0])
            .thenComparing(entry -> -entry.getValue().size()))
        .forEach(entry -> {
          String[] kindAndName = entry.getKey().split("\t", 2);
          List<ReceivedSpan> group = entry.getValue();
          double avg = group.stream().mapToLong(ReceivedSpan::durationNanos).average().orElse(0) / 1e6;
          double max = group.stream().mapToLong(ReceivedSpan::durationNanos).max().orElse(0) / 1e6;
          text.append(String.format(Locale.ROOT, "  %-8s %,8d %9.1f %9.1f  %s%n", kindAndName[0], group.size(), avg,
              max, kindAndName[1]));
        });
    example(text, traces, "a farmer looked up on a cache miss: the server span, Redis GET, the SELECT, Redis SETEX",
        trace -> root(trace, FARMER_BY_ID) && has(trace, span -> span.name().startsWith("SELECT"))
            && has(trace, span -> span.name().equals("SETEX")));
    example(text, traces, "an entry recorded: one transaction, then the notice queued in Redis",
        trace -> root(trace, RECORD_ENTRY) && has(trace, span -> span.name().startsWith("INSERT"))
            && has(trace, span -> span.name().equals("LPUSH")));
    return text.toString();
  }

  private static void example(StringBuilder text, Map<String, List<ReceivedSpan>> traces, String title,
      Predicate<List<ReceivedSpan>> which) {
    // the median of the matching traces by duration: a typical one, not the first (cold) one
    List<List<ReceivedSpan>> matching = traces.values().stream().filter(which)
        .sorted(Comparator.comparingLong(ExportSummary::rootDuration)).collect(Collectors.toList());
    if (!matching.isEmpty()) {
      text.append("\nExample trace: ").append(title).append('\n')
          .append(SpanTreePrinter.render(matching.get(matching.size() / 2)).indent(2));
    }
  }

  private static long rootDuration(List<ReceivedSpan> trace) {
    return trace.stream().filter(span -> span.parentSpanIdHex().isEmpty())
        .mapToLong(ReceivedSpan::durationNanos).max().orElse(0);
  }

  private static boolean root(List<ReceivedSpan> trace, String name) {
    return has(trace, span -> span.parentSpanIdHex().isEmpty() && span.name().equals(name));
  }

  private static boolean has(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
    return trace.stream().anyMatch(which);
  }

  private static String kind(ReceivedSpan span) {
    return span.kind().name().replace("SPAN_KIND_", "");
  }
}
