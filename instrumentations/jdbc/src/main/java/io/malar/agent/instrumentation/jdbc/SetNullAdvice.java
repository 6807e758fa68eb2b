package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code PreparedStatement.setNull(int index, int sqlType, ...)} when binds are captured. */
public final class SetNullAdvice {
  private SetNullAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object statement, @Advice.Argument(0) int index) {
    JdbcBridge.parameterSet(statement, index, null);
  }
}
