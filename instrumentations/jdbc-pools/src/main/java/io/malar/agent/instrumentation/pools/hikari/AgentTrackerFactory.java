package io.malar.agent.instrumentation.pools.hikari;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.bridge.PoolListener;

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
    HikariGauges gauges = new HikariGauges(poolName, poolStats);
    try {
      listener.opened(gauges);
    } catch (Throwable error) {
      AdviceErrors.record(error);
    }
    return new AgentTracker(applicationTracker, gauges, poolStats, listener);
  }
}
