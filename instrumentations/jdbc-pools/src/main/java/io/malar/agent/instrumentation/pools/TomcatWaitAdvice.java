package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Tomcat JDBC's {@code ConnectionPool.borrowConnection}: how long the caller waited, given a connection or not. */
public final class TomcatWaitAdvice {
  private TomcatWaitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter long start, @Advice.This Object pool) {
    PoolBridge.connectionWaited(pool, System.nanoTime() - start);
  }
}
