package io.malar.agent.features.percentiles;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.lang.ref.Reference;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Measures the heap one key costs once it has seen a realistic spread of values: 1,000 SQL keys
 * with 2,000 log-normal values each (median 2 ms, up to seconds), after an interval has closed.
 * Run: java -cp ... io.malar.agent.features.percentiles.KeyMemory
 */
public final class KeyMemory {
  private static final int KEYS = 1000;
  private static final int VALUES_PER_KEY = 2000;

  private KeyMemory() {}

  public static void main(String[] args) throws InterruptedException {
    long before = usedHeap();
    LatencySpanProcessor processor = new LatencySpanProcessor(KEYS);
    Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(processor).build().get("memory");
    Random random = new Random(7);
    for (int k = 0; k < KEYS; k++) {
      for (int i = 0; i < VALUES_PER_KEY; i++) {
        long micros = Math.round(Math.exp(Math.log(2_000) + 1.2 * random.nextGaussian()));
        tracer.spanBuilder("SELECT t" + k).setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system.name", "postgresql")
            .setAttribute("db.operation.name", "SELECT")
            .setAttribute("db.collection.name", "t" + k)
            .setAttribute("db.query.text", "SELECT a, b, c FROM t" + k + " WHERE id = ? AND market = ?")
            .setStartTimestamp(0, TimeUnit.NANOSECONDS)
            .startSpan()
            .end(micros * 1000, TimeUnit.NANOSECONDS);
      }
    }
    IntervalSwapper swapper = new IntervalSwapper(processor.families(), (families, start, end) -> {});
    swapper.swap();
    long after = usedHeap();
    System.out.printf("%d keys, %d values each: %.1f KB per key (recorder, interval and whole-run histograms, attributes, index)%n",
        processor.sql().family().size(), VALUES_PER_KEY, (after - before) / 1024.0 / KEYS);
    Reference.reachabilityFence(processor);
    Reference.reachabilityFence(swapper);
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
