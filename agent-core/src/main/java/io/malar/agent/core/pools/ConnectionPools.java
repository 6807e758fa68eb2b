package io.malar.agent.core.pools;

import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.core.config.Setting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The connection pools the instrumentations found, by name, for the feature that exports their
 * metrics. A pool is held only through its {@link PoolGauges}, which hold the pool weakly; a pool
 * shut down or collected is dropped at the next read.
 */
public final class ConnectionPools implements PoolListener {
  /** Read by the pools' instrumentation (no advice when off) and by the metrics feature. */
  public static final Setting METRICS_ENABLED =
      Setting.flag(
          "malar.agent.pool-metrics.enabled",
          "true",
          "Connection-pool metrics (db.client.connection.*) for HikariCP, DBCP2 and Tomcat JDBC on or off.");

  private static final ConnectionPools SHARED = new ConnectionPools();

  private final Map<String, PoolGauges> open = new ConcurrentHashMap<>();
  private final EarlyTimings early = new EarlyTimings();
  private volatile PoolTimings timings = early;

  /** The pools of this agent. */
  public static ConnectionPools shared() {
    return SHARED;
  }

  /** A pool of the same name replaces the one before it: one series per name. */
  @Override
  public void opened(PoolGauges pool) {
    dropClosed();
    open.put(pool.poolName(), pool);
  }

  @Override
  public void waited(PoolGauges pool, long nanos) {
    timings.waited(pool.poolName(), nanos);
  }

  @Override
  public void used(PoolGauges pool, long nanos) {
    timings.used(pool.poolName(), nanos);
  }

  /** Where the pools' durations go from now on, those reported so far first. */
  public void timings(PoolTimings receiver) {
    early.handOver(receiver);
    timings = receiver;
  }

  /** Hands every open pool to {@code reader}. */
  public void forEachOpen(Consumer<PoolGauges> reader) {
    dropClosed();
    open.values().forEach(reader);
  }

  private void dropClosed() {
    open.values().removeIf(PoolGauges::closed);
  }
}
