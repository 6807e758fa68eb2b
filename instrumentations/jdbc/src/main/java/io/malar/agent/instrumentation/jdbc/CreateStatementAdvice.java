package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.createStatement}: a plain statement gets its SQL per call. */
public final class CreateStatementAdvice {
  private CreateStatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return JdbcBridge.statementCreationStarted();
  }

  // also on throw, with no statement: the call's mark on the thread is cleared
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object token, @Advice.This Object connection, @Advice.Return Object statement) {
    JdbcBridge.statementCreated(token, connection, statement, null);
  }
}
