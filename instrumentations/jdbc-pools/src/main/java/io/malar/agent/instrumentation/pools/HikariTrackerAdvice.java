package io.malar.agent.instrumentation.pools;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.malar.agent.bridge.PoolBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code HikariPool.setMetricsTrackerFactory}: the agent's factory, delegating to the given one, goes in. */
public final class HikariTrackerAdvice {
  private HikariTrackerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.This Object pool, @Advice.Argument(value = 0, readOnly = false) MetricsTrackerFactory factory) {
    Object ours = PoolBridge.hikariTrackerFactory(pool, factory);
    if (ours != null) {
      factory = (MetricsTrackerFactory) ours;
    }
  }
}
