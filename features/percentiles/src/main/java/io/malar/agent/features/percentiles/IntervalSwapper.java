package io.malar.agent.features.percentiles;

import io.malar.agent.core.log.AgentLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes an interval for every key once per export interval, on its own thread. Exporters (OTLP,
 * Prometheus, the log) read the closed interval's figures, so however many of them run, each
 * interval is cut once and a value belongs to exactly one interval.
 */
final class IntervalSwapper {
  private final List<KeyFamily> families;
  private final IntervalListener listener;
  private final long runStartEpochNanos;
  private long intervalStartEpochNanos;
  private ScheduledExecutorService thread;

  /** Told on the swap thread after each interval closes. */
  interface IntervalListener {
    void intervalClosed(List<KeyFamily> families, long startEpochNanos, long endEpochNanos);
  }

  IntervalSwapper(List<KeyFamily> families, IntervalListener listener) {
    this.families = families;
    this.listener = listener;
    this.runStartEpochNanos = epochNanos();
    this.intervalStartEpochNanos = runStartEpochNanos;
  }

  long runStartEpochNanos() {
    return runStartEpochNanos;
  }

  synchronized void start(Duration interval, ExportPhase phase) {
    thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread swapper = new Thread(task, "malar-agent-percentiles");
              swapper.setDaemon(true);
              return swapper;
            });
    long nanos = Math.max(1_000_000L, interval.toNanos());
    thread.scheduleAtFixedRate(this::swapQuietly, phase.firstSwapDelayNanos(System.nanoTime(), nanos), nanos, TimeUnit.NANOSECONDS);
  }

  synchronized void stop() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }

  /** Closes the current interval for every key. */
  synchronized void swap() {
    long end = epochNanos();
    for (KeyFamily family : families) {
      for (LatencyKey key : family.keys()) {
        key.swap(intervalStartEpochNanos, end);
      }
    }
    listener.intervalClosed(families, intervalStartEpochNanos, end);
    intervalStartEpochNanos = end;
  }

  /** The whole run per key, after closing the current interval. */
  synchronized RunTable runTable() {
    swap();
    return RunTable.of(families);
  }

  private void swapQuietly() {
    try {
      swap();
    } catch (Throwable t) {
      AgentLog.error("percentiles could not close an interval", "error", String.valueOf(t));
    }
  }

  private static long epochNanos() {
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
  }
}
