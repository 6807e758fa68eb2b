package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into a pipeline's or transaction's {@code appendCommand}: one command queued. */
public final class QueueCommandAdvice {
  private QueueCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object batch) {
    return RedisBridge.enterQueueing(batch);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exitQueueing(token, thrown);
  }
}
