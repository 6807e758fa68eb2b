package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.select(int)}, which applies a client config's database. */
public final class ConnectionSelectAdvice {
  private ConnectionSelectAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object connection, @Advice.Argument(0) int index, @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      RedisBridge.databaseSelected(connection, index);
    }
  }
}
