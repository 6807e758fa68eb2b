package io.malar.agent.core;

import io.malar.agent.core.log.AgentLog;
import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent's "malar-agent started" line, written once both halves of the start are done:
 * instrumentation (installed in premain) and telemetry (built in premain or on its own thread,
 * whichever finishes last writes the line). {@code premain_ms}: how long premain held the JVM;
 * {@code ready_ms}: from premain's start until both were ready; {@code first_call_waited_ms}: how
 * long the application's first traced call waited for the telemetry (0: none came before it).
 */
final class StartupLine {
  private final File agentJar;
  private final long premainStartNanos;
  private final String startup;
  private List<String> instrumentations;
  private long instrumentationNanos;
  private long premainNanos = -1;
  private List<String> features;
  private String tracesExporter;
  private long telemetryNanos;
  private long telemetryReadyNanos = -1;
  private long firstCallWaitedNanos;

  StartupLine(File agentJar, long premainStartNanos, String startup) {
    this.agentJar = agentJar;
    this.premainStartNanos = premainStartNanos;
    this.startup = startup;
  }

  synchronized void instrumentationInstalled(List<String> names, long tookNanos) {
    instrumentations = names;
    instrumentationNanos = tookNanos;
  }

  synchronized void premainReturns() {
    premainNanos = System.nanoTime() - premainStartNanos;
    writeWhenComplete();
  }

  synchronized void telemetryReady(List<String> featureNames, String exporter, long tookNanos, long callWaitedNanos) {
    features = featureNames;
    firstCallWaitedNanos = callWaitedNanos;
    tracesExporter = exporter;
    telemetryNanos = tookNanos;
    telemetryReadyNanos = System.nanoTime() - premainStartNanos;
    writeWhenComplete();
  }

  private void writeWhenComplete() {
    if (premainNanos < 0 || telemetryReadyNanos < 0) {
      return;
    }
    AgentLog.info(
        "malar-agent started",
        "version", AgentVersion.VALUE,
        "instrumentations", instrumentations,
        "features", features,
        "traces_exporter", tracesExporter,
        "agent_jar", agentJar.getPath(),
        "startup", startup,
        "premain_ms", millis(premainNanos),
        "ready_ms", millis(Math.max(premainNanos, telemetryReadyNanos)),
        "instrumentation_ms", millis(instrumentationNanos),
        "telemetry_ms", millis(telemetryNanos),
        "first_call_waited_ms", millis(firstCallWaitedNanos));
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
