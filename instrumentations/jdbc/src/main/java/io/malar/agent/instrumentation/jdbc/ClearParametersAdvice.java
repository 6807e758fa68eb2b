package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code PreparedStatement.clearParameters()} when binds are captured. */
public final class ClearParametersAdvice {
  private ClearParametersAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object statement) {
    JdbcBridge.parametersCleared(statement);
  }
}
