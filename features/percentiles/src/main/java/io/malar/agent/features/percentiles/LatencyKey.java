package io.malar.agent.features.percentiles;

import io.opentelemetry.api.common.Attributes;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One key's latencies: application threads record into an HdrHistogram recorder; the swap thread
 * takes each interval's histogram from it, adds it to the whole run's and publishes the interval's
 * figures. Packed histograms hold only the buckets in use, so a key costs a few KB instead of the
 * ~190 KB a flat 1 us..1 h histogram at 3 digits would.
 *
 * <p>Threads recording the same key take turns on a lock held for one record; they never wait for
 * the swap thread, which the recorder's writer-reader phaser keeps out of their way. HdrHistogram's
 * multi-writer packed recorder is not used: its concurrent storage growth livelocked with eight
 * writers (IntervalSemanticsTest), and an agent must never hang an application thread.
 */
final class LatencyKey {
  /** 1 hour in microseconds: longer values are recorded as 1 hour. */
  static final long HIGHEST_MICROS = 3_600_000_000L;

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Attributes attributes;
  private final SingleWriterRecorder recorder = new SingleWriterRecorder(SIGNIFICANT_DIGITS, true);
  private final Object writeTurn = new Object();
  private final Histogram run = new PackedHistogram(SIGNIFICANT_DIGITS);
  private Histogram interval;
  private volatile IntervalStats latest = IntervalStats.NONE;

  LatencyKey(Attributes attributes) {
    this.attributes = attributes;
  }

  Attributes attributes() {
    return attributes;
  }

  /** On the application thread: allocation-free; waits only for another thread recording this key. */
  void record(long micros) {
    long value = micros < 0 ? 0 : Math.min(micros, HIGHEST_MICROS);
    synchronized (writeTurn) {
      recorder.recordValue(value);
    }
  }

  /** On the swap thread only: closes the interval that ends now. */
  void swap(long startEpochNanos, long endEpochNanos) {
    interval = recorder.getIntervalHistogram(interval);
    run.add(interval);
    latest = IntervalStats.of(interval, run, startEpochNanos, endEpochNanos);
  }

  /** The last closed interval, with the whole run's count and sum. */
  IntervalStats latest() {
    return latest;
  }

  /** The whole run so far, for the table at exit; on the swap thread only. */
  IntervalStats run() {
    return IntervalStats.of(run, run, 0, 0);
  }
}
