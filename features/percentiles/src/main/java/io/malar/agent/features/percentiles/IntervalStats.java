package io.malar.agent.features.percentiles;

import org.HdrHistogram.Histogram;

/** What one key's histograms said when an interval closed; immutable, shared with the exporters. */
final class IntervalStats {
  /** The reported quantiles; the last, 1.0, is the maximum. */
  static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999, 1.0};

  static final IntervalStats NONE = new IntervalStats(0, new long[0], 0, 0, 0, 0);

  private final long count;
  private final long[] quantileMicros;
  private final long runCount;
  private final double runSumMicros;
  private final long startEpochNanos;
  private final long endEpochNanos;

  private IntervalStats(
      long count, long[] quantileMicros, long runCount, double runSumMicros, long startEpochNanos, long endEpochNanos) {
    this.count = count;
    this.quantileMicros = quantileMicros;
    this.runCount = runCount;
    this.runSumMicros = runSumMicros;
    this.startEpochNanos = startEpochNanos;
    this.endEpochNanos = endEpochNanos;
  }

  static IntervalStats of(Histogram interval, Histogram run, long startEpochNanos, long endEpochNanos) {
    long count = interval.getTotalCount();
    long[] quantiles = new long[count == 0 ? 0 : QUANTILES.length];
    for (int i = 0; i < quantiles.length; i++) {
      // the highest value equivalent to the recorded ones, so a reported p99 is never below the true one
      quantiles[i] = QUANTILES[i] == 1.0 ? interval.getMaxValue() : interval.getValueAtPercentile(QUANTILES[i] * 100);
    }
    return new IntervalStats(count, quantiles, run.getTotalCount(), sum(run), startEpochNanos, endEpochNanos);
  }

  /** HdrHistogram keeps no exact sum: the mean of its buckets, within the same 0.1%. */
  private static double sum(Histogram histogram) {
    long count = histogram.getTotalCount();
    return count == 0 ? 0 : histogram.getMean() * count;
  }

  long count() {
    return count;
  }

  /** False when nothing was recorded in the interval: no quantiles then. */
  boolean hasQuantiles() {
    return quantileMicros.length > 0;
  }

  /** The value at {@code QUANTILES[index]}, in microseconds. */
  long quantileMicros(int index) {
    return quantileMicros[index];
  }

  long runCount() {
    return runCount;
  }

  double runSumMicros() {
    return runSumMicros;
  }

  long startEpochNanos() {
    return startEpochNanos;
  }

  long endEpochNanos() {
    return endEpochNanos;
  }
}
