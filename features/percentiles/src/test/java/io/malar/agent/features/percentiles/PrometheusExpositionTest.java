package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Prometheus text the scrape endpoint serves. */
class PrometheusExpositionTest {
  @Test
  void summariesInSecondsWithQuantileLabelsAndTheRefusedCounter() throws Exception {
    LatencySpanProcessor processor = new LatencySpanProcessor(1);
    TestSpans spans = new TestSpans(processor);
    for (int i = 1; i <= 100; i++) {
      spans.server("GET", "/farmers/*", 200, i * 1_000);
    }
    spans.server("GET", "/entries", 200, 1_000);
    new IntervalSwapper(processor.families(), (families, start, end) -> {}).swap();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusExposition(processor.families()).write(out);
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(text)
        .contains("# TYPE malar_http_server_latency_seconds summary")
        .contains("malar_http_server_latency_seconds{http_request_method=\"GET\",http_response_status_class=\"2xx\",http_route=\"/farmers/*\",quantile=\"0.99\"} 0.099")
        .contains("malar_http_server_latency_seconds{http_request_method=\"GET\",http_response_status_class=\"2xx\",http_route=\"/farmers/*\",quantile=\"1.0\"} 0.1")
        .contains("malar_http_server_latency_seconds_count{http_request_method=\"GET\",http_response_status_class=\"2xx\",http_route=\"/farmers/*\"} 100")
        .contains("malar_http_server_latency_seconds_count{malar_overflow=\"true\"} 1")
        .contains("malar_latency_refused_total{malar_family=\"http\"} 1.0");
  }
}
