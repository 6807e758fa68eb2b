package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into a transaction's {@code exec()}: one MULTI span for the queued commands and EXEC. */
public final class TransactionExecAdvice {
  private TransactionExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object batch) {
    return RedisBridge.enterBatch(batch, "MULTI");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
  }
}
