package io.malar.otlp.receiver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders the spans of a trace as an indented tree, one {@code name [kind] 12.3 ms} line per span. */
public final class SpanTreePrinter {

  private static final Comparator<ReceivedSpan> BY_START =
      Comparator.comparingLong(span -> span.span().getStartTimeUnixNano());

  private SpanTreePrinter() {}

  /** Spans whose parent is not among {@code spans} are printed as roots, so partial traces still show. */
  public static String render(List<ReceivedSpan> spans) {
    Set<String> ids = spans.stream().map(ReceivedSpan::spanIdHex).collect(Collectors.toSet());
    Map<String, List<ReceivedSpan>> childrenByParent = new HashMap<>();
    List<ReceivedSpan> roots = new ArrayList<>();
    // distributing spans in start order leaves every child list sorted too
    List<ReceivedSpan> byStart = spans.stream().sorted(BY_START).collect(Collectors.toList());
    for (ReceivedSpan span : byStart) {
      if (ids.contains(span.parentSpanIdHex())) {
        childrenByParent.computeIfAbsent(span.parentSpanIdHex(), parent -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    StringBuilder tree = new StringBuilder();
    appendTree(tree, roots, childrenByParent, 0);
    return tree.toString();
  }

  private static void appendTree(StringBuilder tree, List<ReceivedSpan> spans,
      Map<String, List<ReceivedSpan>> childrenByParent, int depth) {
    for (ReceivedSpan span : spans) {
      tree.append("  ".repeat(depth)).append(line(span)).append('\n');
      appendTree(tree, childrenByParent.getOrDefault(span.spanIdHex(), List.of()),
          childrenByParent, depth + 1);
    }
  }

  private static String line(ReceivedSpan span) {
    String kind = span.kind().name().replace("SPAN_KIND_", "");
    return String.format(Locale.ROOT, "%s [%s] %.1f ms", span.name(), kind, span.durationNanos() / 1e6);
  }
}
