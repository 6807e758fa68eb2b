package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SemconvHistogramsTest {
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  @Test
  void aFailedDatabaseCallIsCountedUnderItsErrorTypeAndTheKeyStaysOne() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    LatencySpanProcessor processor = new LatencySpanProcessor(1000);
    processor.recordSemconvInto(new SemconvHistograms(SdkMeterProvider.builder().registerMetricReader(reader).build().get("test")));
    TestSpans spans = new TestSpans(processor);
    String text = "INSERT INTO farmers (name) VALUES (?)";

    spans.sql("h2", "INSERT", "farmers", text, 800);
    spans.sql("h2", "INSERT", "farmers", text, 900);
    spans.failedSql("h2", "INSERT", "farmers", text, "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", 300);
    spans.failedSql("h2", "INSERT", "farmers", text, "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", 400);
    spans.failedSql("h2", "INSERT", "farmers", text, "java.sql.SQLTimeoutException", 500);

    MetricData histogram = reader.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("db.client.operation.duration")).findFirst().orElseThrow();
    Map<String, Long> countByErrorType = histogram.getHistogramData().getPoints().stream()
        .collect(Collectors.toMap(point -> String.valueOf(point.getAttributes().get(ERROR_TYPE)), HistogramPointData::getCount));
    assertThat(countByErrorType).containsOnly(
        Map.entry("null", 2L),
        Map.entry("org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", 2L),
        Map.entry("java.sql.SQLTimeoutException", 1L));
    assertThat(processor.families().get(1).size()).as("SQL percentile keys").isEqualTo(1);
  }
}
