package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code PreparedStatement.setXxx(int index, value, ...)} when binds are captured; a
 * primitive value arrives boxed.
 */
public final class SetParameterAdvice {
  private SetParameterAdvice() {}

  // on normal return only: a rejected value was not bound
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement,
      @Advice.Argument(0) int index,
      @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object value) {
    JdbcBridge.parameterSet(statement, index, value);
  }
}
