package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into the constructor of Tomcat JDBC's {@code ConnectionPool}, after the pool is set up. */
public final class TomcatPoolAdvice {
  private TomcatPoolAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object pool) {
    PoolBridge.poolStarted("tomcat-jdbc", pool, null);
  }
}
