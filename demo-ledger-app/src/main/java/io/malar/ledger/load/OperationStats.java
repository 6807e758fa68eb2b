package io.malar.ledger.load;

import java.util.Arrays;

/** Responses and client-side latencies of one operation. */
final class OperationStats {
  private long[] latenciesNanos = new long[1024];
  private int count;
  private final int[] statusClasses = new int[6];
  private int transportErrors;

  synchronized void record(int status, long latencyNanos) {
    if (count == latenciesNanos.length) {
      latenciesNanos = Arrays.copyOf(latenciesNanos, count * 2);
    }
    latenciesNanos[count++] = latencyNanos;
    statusClasses[Math.min(status / 100, 5)]++;
  }

  synchronized void transportError() {
    transportErrors++;
  }

  synchronized int count() {
    return count;
  }

  synchronized int status(int statusClass) {
    return statusClasses[statusClass];
  }

  synchronized int transportErrors() {
    return transportErrors;
  }

  /** The latency at {@code percentile} (0-100) in milliseconds, 0 without samples. */
  synchronized double percentileMillis(double percentile) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(latenciesNanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100 * count) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
