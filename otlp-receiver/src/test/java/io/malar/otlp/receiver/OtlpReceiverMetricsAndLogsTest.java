package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpReceiverMetricsAndLogsTest {

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start(0);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void receivesCounterFromPeriodicMetricReader() {
    List<String> summaries = new CopyOnWriteArrayList<>();
    receiver.onExport(summaries::add);
    OtlpHttpMetricExporter exporter =
        OtlpHttpMetricExporter.builder().setEndpoint(receiver.endpoint() + "/v1/metrics").build();
    // a long interval leaves forceFlush as the only trigger
    PeriodicMetricReader reader = PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build();
    try (SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
      meterProvider.get("io.malar.test").counterBuilder("malar.test.requests").build().add(3);
      assertThat(meterProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    assertThat(receiver.metricRequests()).isNotEmpty();
    assertThat(metricNames(receiver.metricRequests())).contains("malar.test.requests");
    assertThat(summaries).contains("metrics: metrics=1 points=1");
  }

  @Test
  void receivesLogRecords() {
    OtlpHttpLogRecordExporter exporter =
        OtlpHttpLogRecordExporter.builder().setEndpoint(receiver.endpoint() + "/v1/logs").build();
    try (SdkLoggerProvider loggerProvider =
        SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build()) {
      loggerProvider.get("io.malar.test").logRecordBuilder().setBody("order placed").emit();
      assertThat(loggerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    assertThat(receiver.logRequests()).hasSize(1);
    assertThat(receiver.allReceivedText()).contains("order placed");
  }

  private static List<String> metricNames(List<ExportMetricsServiceRequest> requests) {
    return requests.stream()
        .flatMap(request -> request.getResourceMetricsList().stream())
        .flatMap(resource -> resource.getScopeMetricsList().stream())
        .flatMap(scope -> scope.getMetricsList().stream())
        .map(Metric::getName)
        .collect(Collectors.toList());
  }
}
