package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.bridge.JdbcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Statement.execute}, {@code executeQuery}, {@code executeUpdate} and {@code
 * executeLargeUpdate}: with the SQL as first argument, or none for a prepared statement.
 */
public final class ExecuteAdvice {
  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(
      @Advice.This Object statement, @Advice.Argument(value = 0, optional = true) Object sql) {
    return JdbcBridge.executeStart(statement, (String) sql, false);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    JdbcBridge.executeEnd(token, thrown);
  }
}
