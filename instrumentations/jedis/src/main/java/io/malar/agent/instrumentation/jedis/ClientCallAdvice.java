package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the public methods of {@code Jedis} (and a transaction's WATCH/UNWATCH): many of
 * them write a command and read its reply themselves, without {@code executeCommand}.
 */
public final class ClientCallAdvice {
  private ClientCallAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter() {
    return RedisBridge.enterClientCall();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
  }
}
