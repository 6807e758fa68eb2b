package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code BasicDataSource.createConnectionPool}: once per start of the data source. */
public final class Dbcp2PoolAdvice {
  private Dbcp2PoolAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object dataSource, @Advice.FieldValue("connectionPool") Object pool) {
    if (pool != null) {
      PoolBridge.poolStarted("dbcp2", pool, dataSource);
    }
  }
}
