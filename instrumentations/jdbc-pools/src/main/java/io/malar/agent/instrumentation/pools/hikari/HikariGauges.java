package io.malar.agent.instrumentation.pools.hikari;

import com.zaxxer.hikari.metrics.PoolStats;
import io.malar.agent.bridge.PoolGauges;
import java.lang.ref.WeakReference;

/**
 * A HikariCP pool's state from the statistics it publishes for metrics systems (refreshed by the
 * pool at most once a second), held weakly: they reference the pool.
 */
final class HikariGauges implements PoolGauges {
  private final String poolName;
  private final WeakReference<PoolStats> poolStats;
  private volatile boolean shutDown;

  HikariGauges(String poolName, PoolStats poolStats) {
    this.poolName = poolName;
    this.poolStats = new WeakReference<>(poolStats);
  }

  void shutDown() {
    shutDown = true;
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public boolean closed() {
    return shutDown || poolStats.get() == null;
  }

  @Override
  public int idle() {
    PoolStats stats = poolStats.get();
    return stats == null ? 0 : stats.getIdleConnections();
  }

  @Override
  public int used() {
    PoolStats stats = poolStats.get();
    return stats == null ? 0 : stats.getActiveConnections();
  }

  @Override
  public int max() {
    PoolStats stats = poolStats.get();
    return stats == null ? 0 : stats.getMaxConnections();
  }

  @Override
  public int pending() {
    PoolStats stats = poolStats.get();
    return stats == null ? 0 : stats.getPendingThreads();
  }
}
