package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each value belongs to exactly one interval, whatever the threads are doing when it closes. */
class IntervalSemanticsTest {
  private final LatencySpanProcessor processor = new LatencySpanProcessor(1000);
  private final TestSpans spans = new TestSpans(processor);
  private final IntervalSwapper swapper = new IntervalSwapper(processor.families(), (families, start, end) -> {});

  @Test
  void valuesOfOneIntervalNeverAppearInTheNext() {
    for (int i = 0; i < 100; i++) {
      spans.server("GET", "/a", 200, 1_000);
    }
    swapper.swap();
    IntervalStats first = onlyKey().latest();
    for (int i = 0; i < 50; i++) {
      spans.server("GET", "/a", 200, 5_000);
    }
    swapper.swap();
    IntervalStats second = onlyKey().latest();
    swapper.swap();
    IntervalStats third = onlyKey().latest();

    assertThat(first.count()).isEqualTo(100);
    assertThat(first.quantileMicros(5)).isEqualTo(1_000);
    assertThat(second.count()).isEqualTo(50);
    assertThat(second.quantileMicros(0)).isBetween(5_000L, 5_005L);
    assertThat(second.startEpochNanos()).isEqualTo(first.endEpochNanos());
    assertThat(third.count()).isZero();
    assertThat(third.hasQuantiles()).isFalse();
    assertThat(third.runCount()).isEqualTo(150);
  }

  @Test
  @Timeout(60) // a livelocked recorder must fail the test, not hang the build
  void eightThreadsRecordingWhileIntervalsCloseLoseNothingAndCountNothingTwice() throws Exception {
    int threads = 8;
    int perThread = 200_000;
    spans.server("GET", "/a", 200, 1); // creates the key before the threads start
    swapper.swap();
    LatencyKey key = onlyKey();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long micros = 100 + t;
      Thread recorder =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < perThread; i++) {
                  key.record(micros);
                }
              });
      recorder.start();
      recorders.add(recorder);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    long counted = 0;
    int intervals = 0;
    start.countDown();
    while (running.get()) {
      running.set(recorders.stream().anyMatch(Thread::isAlive));
      swapper.swap();
      counted += key.latest().count();
      intervals++;
    }
    assertThat(intervals).isGreaterThan(1);
    assertThat(counted).isEqualTo((long) threads * perThread);
    assertThat(key.latest().runCount()).isEqualTo((long) threads * perThread + 1);
  }

  private LatencyKey onlyKey() {
    List<LatencyKey> keys = processor.families().get(0).keys();
    assertThat(keys).hasSize(2); // the key and the overflow key
    return keys.get(0);
  }
}
