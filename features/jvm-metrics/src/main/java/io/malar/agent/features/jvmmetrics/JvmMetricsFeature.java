package io.malar.agent.features.jvmmetrics;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.util.Collections;
import java.util.List;

/**
 * The JVM's memory by pool, garbage collections, threads, classes and CPU under the semantic
 * conventions' names ({@code jvm.memory.used}, {@code jvm.gc.duration}...), from OpenTelemetry's
 * own runtime-telemetry library on the agent's SDK. Its stable, JMX-based metrics only: they are
 * read when the metrics are exported, so the application pays nothing between exports. The
 * library's JFR-based metrics are left off (they start a JFR recording stream).
 */
public final class JvmMetricsFeature implements AgentFeature {
  static final Setting ENABLED =
      new Setting(
          "malar.agent.jvm-metrics.enabled",
          "true",
          "JVM memory, garbage collection, threads, classes and CPU metrics (jvm.*) on or off.");

  @Override
  public String name() {
    return "jvm-metrics";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ENABLED);
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {}

  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (config.bool(ENABLED)) {
      RuntimeTelemetry.create(sdk);
    }
  }
}
