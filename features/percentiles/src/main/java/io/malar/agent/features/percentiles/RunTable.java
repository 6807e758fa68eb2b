package io.malar.agent.features.percentiles;

import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;

import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Locale;

/** The whole run's percentiles per key as a human table, printed at JVM shutdown. */
final class RunTable {
  private static final int P50 = 0;
  private static final int P95 = 2;
  private static final int P99 = 3;
  private static final int MAX = 5;

  private final String text;

  private RunTable(String text) {
    this.text = text;
  }

  /** Reads the keys' whole-run histograms: on the swap thread or with it stopped. */
  static RunTable of(List<KeyFamily> families) {
    StringBuilder table = new StringBuilder();
    table.append("malar-agent: latency percentiles for the whole run, in milliseconds\n");
    table.append(String.format(Locale.ROOT, "%-6s %-70s %9s %10s %10s %10s %10s%n", "kind", "key", "count", "p50", "p95", "p99", "max"));
    for (KeyFamily family : families) {
      for (LatencyKey key : family.keys()) {
        IntervalStats run = key.run();
        if (run.count() == 0) {
          continue;
        }
        table.append(
            String.format(
                Locale.ROOT,
                "%-6s %-70s %9d %10.3f %10.3f %10.3f %10.3f%n",
                family.label(), cut(label(key.attributes())), run.count(),
                millis(run, P50), millis(run, P95), millis(run, P99), millis(run, MAX)));
      }
    }
    return new RunTable(table.toString());
  }

  static String label(Attributes attributes) {
    if (Boolean.TRUE.equals(attributes.get(KeyFamily.OVERFLOW))) {
      return "(keys over the cap)";
    }
    String text = attributes.get(DB_QUERY_TEXT);
    if (text != null) {
      return attributes.get(DB_SYSTEM_NAME) + " " + text;
    }
    if (attributes.get(HTTP_REQUEST_METHOD) != null) {
      return join(attributes.get(HTTP_REQUEST_METHOD), attributes.get(HTTP_ROUTE), attributes.get(ServerKeys.STATUS_CLASS));
    }
    return join(attributes.get(DB_OPERATION_NAME), attributes.get(SERVER_ADDRESS), null);
  }

  private static String join(String first, String second, String third) {
    StringBuilder label = new StringBuilder(String.valueOf(first));
    if (second != null) {
      label.append(' ').append(second);
    }
    if (third != null) {
      label.append(' ').append(third);
    }
    return label.toString();
  }

  private static String cut(String label) {
    return label.length() <= 70 ? label : label.substring(0, 67) + "...";
  }

  private static double millis(IntervalStats run, int quantile) {
    return run.quantileMicros(quantile) / 1000.0;
  }

  @Override
  public String toString() {
    return text;
  }
}
