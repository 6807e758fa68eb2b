package io.malar.agent.instrumentation.pools;

import io.malar.agent.bridge.PoolBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code BasicDataSource.getConnection()}: how long the caller waited, given a connection or not. */
public final class Dbcp2WaitAdvice {
  private Dbcp2WaitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter long start, @Advice.FieldValue("connectionPool") Object pool) {
    PoolBridge.connectionWaited(pool, System.nanoTime() - start);
  }
}
