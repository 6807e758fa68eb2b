package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into a transaction's {@code discard()}: the queued commands are dropped. */
public final class TransactionDiscardAdvice {
  private TransactionDiscardAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object batch) {
    return RedisBridge.enterBatch(batch, "DISCARD");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
  }
}
