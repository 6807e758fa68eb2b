package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Statement.executeBatch} and {@code executeLargeBatch}. */
public final class ExecuteBatchAdvice {
  private ExecuteBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object statement) {
    return JdbcBridge.executeStart(statement, null, true);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    JdbcBridge.executeEnd(token, thrown);
  }
}
