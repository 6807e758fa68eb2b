package io.malar.agent.instrumentation.pools.hikari;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.bridge.PoolGauges;
import io.malar.agent.bridge.PoolListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pool's tracker: reports the waits and uses HikariCP measures to the agent, then hands every
 * call to the application's tracker (if it has one) as the pool would have; what the application's
 * tracker throws reaches the pool unchanged.
 */
final class AgentTracker implements IMetricsTracker {
  private final IMetricsTracker application;
  private final PoolGauges gauges;
  private final AtomicBoolean shutDown;
  private final PoolListener listener;
  // the gauges hold the statistics weakly: the pool, through this tracker, keeps them alive
  @SuppressWarnings("unused")
  private final PoolStats poolStats;

  AgentTracker(
      IMetricsTracker application, PoolGauges gauges, AtomicBoolean shutDown, PoolStats poolStats, PoolListener listener) {
    this.application = application;
    this.gauges = gauges;
    this.shutDown = shutDown;
    this.poolStats = poolStats;
    this.listener = listener;
  }

  @Override
  public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
    if (application != null) {
      application.recordConnectionCreatedMillis(connectionCreatedMillis);
    }
  }

  @Override
  public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
    try {
      listener.waited(gauges, elapsedAcquiredNanos);
    } catch (Throwable error) {
      AdviceErrors.record(error);
    }
    if (application != null) {
      application.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
    }
  }

  @Override
  public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
    try {
      listener.used(gauges, TimeUnit.MILLISECONDS.toNanos(elapsedBorrowedMillis));
    } catch (Throwable error) {
      AdviceErrors.record(error);
    }
    if (application != null) {
      application.recordConnectionUsageMillis(elapsedBorrowedMillis);
    }
  }

  @Override
  public void recordConnectionTimeout() {
    if (application != null) {
      application.recordConnectionTimeout();
    }
  }

  /** The pool shut down. */
  @Override
  public void close() {
    shutDown.set(true);
    if (application != null) {
      application.close();
    }
  }
}
