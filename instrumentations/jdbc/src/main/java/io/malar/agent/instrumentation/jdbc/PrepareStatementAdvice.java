package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.prepareStatement} and {@code prepareCall}: the SQL comes first. */
public final class PrepareStatementAdvice {
  private PrepareStatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return JdbcBridge.statementCreationStarted();
  }

  // also on throw, with no statement: the call's mark on the thread is cleared
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object token,
      @Advice.This Object connection,
      @Advice.Argument(0) Object sql,
      @Advice.Return Object statement) {
    JdbcBridge.statementCreated(token, connection, statement, (String) sql);
  }
}
