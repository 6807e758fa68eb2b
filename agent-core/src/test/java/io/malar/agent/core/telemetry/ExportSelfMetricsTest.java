package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExportSelfMetricsTest {
  @Test
  void theSdksExportHealthIsRenamedAndItsPerSpanCountersAreDropped() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        ExportSelfMetrics.TELEMETRY_VERSION_KEY, ExportSelfMetrics.TELEMETRY_VERSION,
                        "otel.traces.exporter", "logging",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
            .addMeterProviderCustomizer((meters, config) -> ExportSelfMetrics.rename(meters).registerMetricReader(reader))
            .build()
            .getOpenTelemetrySdk();
    try {
      sdk.getTracer("test").spanBuilder("one").startSpan().end();
      sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);

      assertThat(reader.collectAllMetrics().stream().map(MetricData::getName).collect(Collectors.toSet()))
          .contains("malar.agent.spans.processed")
          .doesNotContain("otel.sdk.span.started", "otel.sdk.span.live", "otel.sdk.processor.span.processed");
    } finally {
      sdk.close();
    }
  }
}
