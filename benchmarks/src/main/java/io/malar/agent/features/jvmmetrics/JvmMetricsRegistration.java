package io.malar.agent.features.jvmmetrics;

import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the JVM metrics cost a fresh JVM: the wall and CPU time of registering OpenTelemetry's
 * runtime telemetry on an SDK (what the feature's thread does), and of the first collection,
 * against the same steps without it. One row per launch; compare launches side by side.
 * Run: java -cp ... io.malar.agent.features.jvmmetrics.JvmMetricsRegistration on|off
 */
public final class JvmMetricsRegistration {
  private JvmMetricsRegistration() {}

  public static void main(String[] args) {
    boolean on = args[0].equals("on");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
      reader.collectAllMetrics();
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      if (on) {
        RuntimeTelemetry.create(sdk);
      }
      long registerWall = System.nanoTime() - wall;
      long registerCpu = threads.getCurrentThreadCpuTime() - cpu;
      wall = System.nanoTime();
      cpu = threads.getCurrentThreadCpuTime();
      int metrics = reader.collectAllMetrics().size();
      System.out.printf(Locale.ROOT, "%s,%.1f,%.1f,%.1f,%.1f,%d%n", args[0], registerWall / 1e6, registerCpu / 1e6,
          (System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6, metrics);
    }
  }
}
