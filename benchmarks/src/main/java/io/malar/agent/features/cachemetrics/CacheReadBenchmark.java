package io.malar.agent.features.cachemetrics;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the cache hit and miss counts add to a Redis command's advice: the check every command
 * pays (a write: {@code SET}), and the whole count of a read's reply (a GET hit, an MGET of three
 * keys) from key bytes to counter, into an SDK meter provider with a registered reader, as the
 * agent's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CacheReadBenchmark {
  // a client's command names are constants: the same arrays on every call
  private static final byte[] SET = bytes("SET");
  private static final byte[] GET = bytes("GET");
  private static final byte[] MGET = bytes("MGET");

  private final CacheReadCounter counter =
      new CacheReadCounter(SdkMeterProvider.builder().registerMetricReader(new IdleReader()).build().get("benchmark"), 1000);
  private final List<byte[]> oneKey = Collections.singletonList(bytes("farmer:1042"));
  private final List<byte[]> threeKeys = Arrays.asList(bytes("farmer:1042"), bytes("farmer:7"), bytes("order:3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b:items"));
  private final List<String> mgetReply = Arrays.asList("a", null, "c");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public boolean writeCheck() {
    return counter.isRead(SET);
  }

  @Benchmark
  public void getHit() {
    if (counter.isRead(GET)) {
      counter.replied(GET, oneKey, "value");
    }
  }

  @Benchmark
  public void mgetThreeKeys() {
    if (counter.isRead(MGET)) {
      counter.replied(MGET, threeKeys, mgetReply);
    }
  }

  /** A reader that never collects: the counters aggregate as under the agent's periodic reader. */
  static final class IdleReader implements MetricReader {
    @Override
    public void register(CollectionRegistration registration) {}

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }
  }
}
