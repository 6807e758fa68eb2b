package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Statement.addBatch(String)} and {@code PreparedStatement.addBatch()}. */
public final class AddBatchAdvice {
  private AddBatchAdvice() {}

  // runs on normal return only: a rejected statement is not in the batch
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement, @Advice.Argument(value = 0, optional = true) Object sql) {
    JdbcBridge.batchAdded(statement, (String) sql);
  }
}
