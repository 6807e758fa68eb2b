package io.malar.agent.features.jvmmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.config.AgentConfig;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JvmMetricsFeatureTest {
  @Test
  void theSemanticConventionsJvmMetricsComeFromTheRuntimeTelemetryLibrary() {
    assertThat(metricNames("true"))
        .contains(
            "jvm.memory.used",
            "jvm.memory.limit",
            "jvm.memory.used_after_last_gc",
            "jvm.thread.count",
            "jvm.class.loaded",
            "jvm.class.count",
            "jvm.cpu.time",
            "jvm.cpu.count",
            "jvm.cpu.recent_utilization");
  }

  @Test
  void offMeansNoJvmMetric() {
    assertThat(metricNames("false")).isEmpty();
  }

  private static Set<String> metricNames(String enabled) {
    System.setProperty(JvmMetricsFeature.ENABLED.key(), enabled);
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
      new JvmMetricsFeature().started(sdk, AgentConfig.load(problem -> {}));
      Set<String> names = new TreeSet<>();
      for (MetricData metric : reader.collectAllMetrics()) {
        names.add(metric.getName());
      }
      return names;
    } finally {
      System.clearProperty(JvmMetricsFeature.ENABLED.key());
    }
  }
}
