package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Jedis.select(int)}, which sends SELECT on its connection directly. */
public final class JedisSelectAdvice {
  private JedisSelectAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.FieldValue("connection") Object connection,
      @Advice.Argument(0) int index,
      @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      RedisBridge.databaseSelected(connection, index);
    }
  }
}
