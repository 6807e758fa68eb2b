package io.malar.ledger.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the backends made of the demo, read from their own HTTP APIs: an example trace as Jaeger
 * returns it, drawn as a tree, the p50/p95/p99 of each route, and the failed requests by error
 * category and the JVM's heap and garbage collections as Prometheus answers them.
 *
 * <pre>StackReport JAEGER_URL PROMETHEUS_URL SERVICE</pre>
 */
public final class StackReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String EXAMPLE_OPERATION = "GET /api/v1/farmers/*";
  private static final String[] QUANTILES = {"0.5", "0.95", "0.99"};

  private StackReport() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: StackReport JAEGER_URL PROMETHEUS_URL SERVICE");
      System.exit(2);
    }
    String jaeger = args[0];
    String prometheus = args[1];
    String service = args[2];
    System.out.println(exampleTrace(jaeger, service));
    System.out.println(routeTable(prometheus, service));
    System.out.println(errorsAndJvm(prometheus, service));
  }

  static String exampleTrace(String jaeger, String service) throws IOException, InterruptedException {
    JsonNode traces = get(jaeger + "/api/traces?service=" + encode(service) + "&operation=" + encode(EXAMPLE_OPERATION) + "&limit=20")
        .path("data");
    JsonNode richest = null;
    for (JsonNode trace : traces) {
      if (richest == null || trace.path("spans").size() > richest.path("spans").size()) {
        richest = trace;
      }
    }
    if (richest == null) {
      return "Jaeger has no trace of " + service + " for " + EXAMPLE_OPERATION + " yet.\n";
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Jaeger's view of trace %s (%s/trace/%s):%n", richest.path("traceID").asText(), jaeger, richest.path("traceID").asText()));
    Map<String, List<JsonNode>> children = new TreeMap<>();
    List<JsonNode> roots = new ArrayList<>();
    for (JsonNode span : richest.path("spans")) {
      JsonNode parent = span.path("references").path(0).path("spanID");
      if (parent.isMissingNode()) {
        roots.add(span);
      } else {
        children.computeIfAbsent(parent.asText(), id -> new ArrayList<>()).add(span);
      }
    }
    for (JsonNode root : roots) {
      appendTree(text, root, children, 1);
    }
    return text.toString();
  }

  private static void appendTree(StringBuilder text, JsonNode span, Map<String, List<JsonNode>> children, int depth) {
    text.append(String.format(Locale.ROOT, "%s%s [%s] %.1f ms%n", "  ".repeat(depth), span.path("operationName").asText(),
        tag(span, "span.kind"), span.path("duration").asLong() / 1000.0));
    List<JsonNode> below = children.getOrDefault(span.path("spanID").asText(), new ArrayList<>());
    below.sort((a, b) -> Long.compare(a.path("startTime").asLong(), b.path("startTime").asLong()));
    for (JsonNode child : below) {
      appendTree(text, child, children, depth + 1);
    }
  }

  private static String tag(JsonNode span, String key) {
    for (JsonNode tag : span.path("tags")) {
      if (tag.path("key").asText().equals(key)) {
        return tag.path("value").asText();
      }
    }
    return "?";
  }

  /**
   * The last reported interval of every route: a summary's quantiles exist only while its key has
   * traffic, so the query takes the newest value of the last two minutes.
   */
  static String routeTable(String prometheus, String service) throws IOException, InterruptedException {
    Map<String, double[]> rows = new TreeMap<>();
    for (int i = 0; i < QUANTILES.length; i++) {
      String query = "max by (http_request_method, http_route) (last_over_time(malar_http_server_latency_seconds{job=\""
          + service + "\",quantile=\"" + QUANTILES[i] + "\"}[2m]))";
      for (JsonNode series : get(prometheus + "/api/v1/query?query=" + encode(query)).path("data").path("result")) {
        String route = series.path("metric").path("http_request_method").asText() + " " + series.path("metric").path("http_route").asText();
        rows.computeIfAbsent(route, r -> new double[QUANTILES.length])[i] = series.path("value").get(1).asDouble();
      }
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Prometheus's answers (%s), the last interval of each route:%n  %9s %9s %9s  %s%n", prometheus, "p50 ms", "p95 ms", "p99 ms", "route"));
    if (rows.isEmpty()) {
      return text.append("  no series yet for job=\"").append(service).append("\"\n").toString();
    }
    rows.forEach((route, values) -> text.append(String.format(Locale.ROOT, "  %9.1f %9.1f %9.1f  %s%n",
        values[0] * 1000, values[1] * 1000, values[2] * 1000, route)));
    return text.toString();
  }

  /** The run's failed requests per category, the heap now and the collections so far. */
  static String errorsAndJvm(String prometheus, String service) throws IOException, InterruptedException {
    String job = "{job=\"" + service + "\"}";
    String heap = "{job=\"" + service + "\",jvm_memory_type=\"heap\"}";
    StringBuilder text = new StringBuilder("Failed requests by error category (malar_http_server_errors_total):\n");
    for (Map.Entry<String, Double> category : byLabel(prometheus, "sum by (error_category) (malar_http_server_errors_total" + job + ")",
        "error_category").entrySet()) {
      text.append(String.format(Locale.ROOT, "  %,6.0f  %s%n", category.getValue(), category.getKey()));
    }
    text.append(String.format(Locale.ROOT, "JVM: heap %.1f MB in use, %.1f MB after the last GC, of %.1f MB at most%n",
        sum(prometheus, "sum(jvm_memory_used_bytes" + heap + ")") / (1024 * 1024),
        sum(prometheus, "sum(jvm_memory_used_after_last_gc_bytes" + heap + ")") / (1024 * 1024),
        sum(prometheus, "sum(jvm_memory_limit_bytes" + heap + ")") / (1024 * 1024)));
    Map<String, Double> collections = byLabel(prometheus, "sum by (jvm_gc_name) (jvm_gc_duration_seconds_count" + job + ")", "jvm_gc_name");
    Map<String, Double> seconds = byLabel(prometheus, "sum by (jvm_gc_name) (jvm_gc_duration_seconds_sum" + job + ")", "jvm_gc_name");
    collections.forEach((collector, count) -> text.append(String.format(Locale.ROOT, "  GC %-22s %,6.0f collections, %,10.1f ms in all%n",
        collector, count, seconds.getOrDefault(collector, 0.0) * 1000)));
    return text.toString();
  }

  private static Map<String, Double> byLabel(String prometheus, String query, String label) throws IOException, InterruptedException {
    Map<String, Double> values = new TreeMap<>();
    for (JsonNode series : get(prometheus + "/api/v1/query?query=" + encode(query)).path("data").path("result")) {
      values.put(series.path("metric").path(label).asText(), series.path("value").get(1).asDouble());
    }
    return values;
  }

  private static double sum(String prometheus, String query) throws IOException, InterruptedException {
    JsonNode result = get(prometheus + "/api/v1/query?query=" + encode(query)).path("data").path("result");
    return result.isEmpty() ? 0 : result.get(0).path("value").get(1).asDouble();
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
