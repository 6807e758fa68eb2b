package io.malar.agent.features.percentiles;

/**
 * Places interval swaps just before the SDK's periodic metric exports. The exporter's schedule
 * starts when the meter provider is built, the swapper's later; swapping a little before each
 * export makes OTLP carry the interval that just closed, the one the log and the Prometheus
 * endpoint show, instead of the one before it.
 */
final class ExportPhase {
  private static final long MAX_LEAD_NANOS = 1_000_000_000L;

  private final long exportsStartNanos;

  /** @param exportsStartNanos {@link System#nanoTime()} when the periodic export schedule began */
  ExportPhase(long exportsStartNanos) {
    this.exportsStartNanos = exportsStartNanos;
  }

  /** Nanoseconds from {@code nowNanos} until the first swap: a tenth of the interval (at most 1 s) before the next export. */
  long firstSwapDelayNanos(long nowNanos, long intervalNanos) {
    long lead = Math.min(MAX_LEAD_NANOS, intervalNanos / 10);
    long sinceLastExport = Math.floorMod(nowNanos - exportsStartNanos, intervalNanos);
    long delay = intervalNanos - sinceLastExport - lead;
    return delay > 0 ? delay : delay + intervalNanos;
  }
}
