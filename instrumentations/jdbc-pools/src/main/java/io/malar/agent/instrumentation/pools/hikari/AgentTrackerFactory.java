package io.malar.agent.instrumentation.pools.hikari;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolListener;
import io.malar.agent.bridge.WeakPoolGauges;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Installed in a HikariCP pool in place of the application's tracker factory (or of none): the
 * application's factory still creates its tracker, with the same arguments, and the pool's tracker
 * reports to both.
 */
final class AgentTrackerFactory implements MetricsTrackerFactory {
  private final MetricsTrackerFactory application;
  private final PoolListener listener;

  AgentTrackerFactory(MetricsTrackerFactory application, PoolListener listener) {
    this.application = application;
    this.listener = listener;
  }

  @Override
  public IMetricsTracker create(String poolName, PoolStats poolStats) {
    IMetricsTracker applicationTracker = application == null ? null : application.create(poolName, poolStats);
    AtomicBoolean shutDown = new AtomicBoolean();
    // the statistics HikariCP publishes for metrics systems, refreshed by the pool at most once a second
    PoolGauges gauges =
        new WeakPoolGauges<>(
            poolName,
            poolStats,
            stats -> shutDown.get(),
            PoolStats::getIdleConnections,
            PoolStats::getActiveConnections,
            PoolStats::getMaxConnections,
            PoolStats::getPendingThreads);
    try {
      listener.opened(gauges);
    } catch (Throwable error) {
      AdviceErrors.record(error);
    }
    return new AgentTracker(applicationTracker, gauges, shutDown, poolStats, listener);
  }
}
