package io.malar.agent.features.jvmmetrics;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Collections;
import java.util.List;

/**
 * The JVM's memory by pool, garbage collections, threads, classes and CPU under the semantic
 * conventions' names ({@code jvm.memory.used}, {@code jvm.gc.duration}...), from OpenTelemetry's
 * own runtime-telemetry library on the agent's SDK. Its stable, JMX-based metrics only: they are
 * read when the metrics are exported, so the application pays nothing between exports. The
 * library's JFR-based metrics are left off (they start a JFR recording stream).
 *
 * <p>Registering them loads the JVM's management classes: about 120 ms of CPU in a fresh JVM
 * (benchmarks/RESULTS.md). It runs on a thread of its own, so the telemetry is ready, and the
 * application's first request traced, without waiting for it; the metrics join the next export.
 */
public final class JvmMetricsFeature implements AgentFeature {
  static final Setting ENABLED =
      Setting.flag(
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
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (config.bool(ENABLED)) {
      Thread registering = new Thread(() -> register(sdk), "malar-agent-jvm-metrics");
      registering.setDaemon(true);
      registering.start();
    }
  }

  private static void register(OpenTelemetrySdk sdk) {
    try {
      RuntimeTelemetry.create(sdk);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("jvm-metrics: the JVM's metrics cannot be read; none are exported", "error", String.valueOf(e));
    }
  }
}
