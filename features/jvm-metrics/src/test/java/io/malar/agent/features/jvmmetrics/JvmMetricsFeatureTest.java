package io.malar.agent.features.jvmmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.config.AgentConfig;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JvmMetricsFeatureTest {
  private static final List<String> STABLE =
      List.of(
          "jvm.memory.used",
          "jvm.memory.limit",
          "jvm.memory.used_after_last_gc",
          "jvm.thread.count",
          "jvm.class.loaded",
          "jvm.class.count",
          "jvm.cpu.time",
          "jvm.cpu.count",
          "jvm.cpu.recent_utilization");

  @Test
  void theSemanticConventionsJvmMetricsComeFromTheRuntimeTelemetryLibrary() throws InterruptedException {
    assertThat(metricNames("true", Duration.ofSeconds(10))).containsAll(STABLE);
  }

  @Test
  void offMeansNoJvmMetric() throws InterruptedException {
    assertThat(metricNames("false", Duration.ofSeconds(1))).isEmpty();
  }

  /** The metrics collected after the feature started, until all stable ones are there or the time is up. */
  private static Set<String> metricNames(String enabled, Duration within) throws InterruptedException {
    System.setProperty(JvmMetricsFeature.ENABLED.key(), enabled);
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
      // registered on a thread of its own
      new JvmMetricsFeature().started(sdk, AgentConfig.load(problem -> {}));
      Set<String> names = new TreeSet<>();
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline && !names.containsAll(STABLE)) {
        Thread.sleep(20);
        for (MetricData metric : reader.collectAllMetrics()) {
          names.add(metric.getName());
        }
      }
      return names;
    } finally {
      System.clearProperty(JvmMetricsFeature.ENABLED.key());
    }
  }
}
