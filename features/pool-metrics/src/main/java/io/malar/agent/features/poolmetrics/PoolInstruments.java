package io.malar.agent.features.poolmetrics;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.core.pools.ConnectionPools;
import io.malar.agent.core.pools.PoolTimings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool instruments: the counts observed from every open pool at each export, the wait and use
 * times recorded as the pools report them, all under {@code db.client.connection.pool.name}.
 */
final class PoolInstruments implements PoolTimings {
  static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("db.client.connection.pool.name");
  static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");
  private static final List<Double> BOUNDARIES = Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private final DoubleHistogram waitTime;
  private final DoubleHistogram useTime;
  private final Map<String, Attributes> byPool = new ConcurrentHashMap<>();

  private PoolInstruments(Meter meter) {
    waitTime =
        meter.histogramBuilder("db.client.connection.wait_time")
            .setUnit("s")
            .setDescription("The time it took to obtain an open connection from the pool.")
            .setExplicitBucketBoundariesAdvice(BOUNDARIES)
            .build();
    useTime =
        meter.histogramBuilder("db.client.connection.use_time")
            .setUnit("s")
            .setDescription("The time between borrowing a connection and returning it to the pool.")
            .setExplicitBucketBoundariesAdvice(BOUNDARIES)
            .build();
  }

  /** Creates the instruments on {@code meter} and makes them read and hear {@code pools}. */
  static void register(Meter meter, ConnectionPools pools) {
    PoolInstruments instruments = new PoolInstruments(meter);
    meter.upDownCounterBuilder("db.client.connection.count")
        .setUnit("{connection}")
        .setDescription("The number of connections that are currently in the state described by the state attribute.")
        .buildWithCallback(measurement -> pools.forEachOpen(pool -> instruments.observeCounts(pool, measurement)));
    meter.upDownCounterBuilder("db.client.connection.max")
        .setUnit("{connection}")
        .setDescription("The maximum number of open connections allowed.")
        .buildWithCallback(measurement -> pools.forEachOpen(pool -> instruments.observeMax(pool, measurement)));
    meter.upDownCounterBuilder("db.client.connection.pending_requests")
        .setUnit("{request}")
        .setDescription("The number of current pending requests for an open connection.")
        .buildWithCallback(
            measurement -> pools.forEachOpen(pool -> measurement.record(pool.pending(), instruments.attributes(pool.poolName()))));
    pools.timings(instruments);
  }

  private void observeCounts(PoolGauges pool, ObservableLongMeasurement measurement) {
    Attributes attributes = attributes(pool.poolName());
    measurement.record(pool.idle(), attributes.toBuilder().put(STATE, "idle").build());
    measurement.record(pool.used(), attributes.toBuilder().put(STATE, "used").build());
  }

  /** A pool without a limit has no maximum to report. */
  private void observeMax(PoolGauges pool, ObservableLongMeasurement measurement) {
    int max = pool.max();
    if (max >= 0) {
      measurement.record(max, attributes(pool.poolName()));
    }
  }

  @Override
  public void waited(String poolName, long nanos) {
    waitTime.record(nanos / 1e9, attributes(poolName));
  }

  @Override
  public void used(String poolName, long nanos) {
    useTime.record(nanos / 1e9, attributes(poolName));
  }

  private Attributes attributes(String poolName) {
    return byPool.computeIfAbsent(poolName, name -> Attributes.of(POOL_NAME, name));
  }
}
