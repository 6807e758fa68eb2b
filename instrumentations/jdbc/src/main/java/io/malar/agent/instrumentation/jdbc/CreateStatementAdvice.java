package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.createStatement}: a plain statement gets its SQL per call. */
public final class CreateStatementAdvice {
  private CreateStatementAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object connection, @Advice.Return Object statement) {
    JdbcBridge.statementCreated(connection, statement, null);
  }
}
