package io.malar.agent.instrumentation.pools.hikari;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.malar.agent.bridge.PoolHelper;
import io.malar.agent.bridge.PoolListener;

/** Defined next to HikariCP: makes the tracker factory the advice installs. */
public final class HikariHelper implements PoolHelper {
  @Override
  public Object attach(Object pool, Object applicationFactory, PoolListener listener) {
    return new AgentTrackerFactory((MetricsTrackerFactory) applicationFactory, listener);
  }
}
