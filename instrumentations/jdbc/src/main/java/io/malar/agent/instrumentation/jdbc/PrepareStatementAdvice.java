package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.prepareStatement} and {@code prepareCall}: the SQL comes first. */
public final class PrepareStatementAdvice {
  private PrepareStatementAdvice() {}

  // runs on normal return only: a failed prepare has no statement to remember
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.This Object connection, @Advice.Argument(0) Object sql, @Advice.Return Object statement) {
    JdbcBridge.statementCreated(connection, statement, (String) sql);
  }
}
