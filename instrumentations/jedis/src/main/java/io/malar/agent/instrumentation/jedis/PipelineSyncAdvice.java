package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into a pipeline's {@code sync()} and {@code syncAndReturnAll()}: the queued replies are read. */
public final class PipelineSyncAdvice {
  private PipelineSyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object batch) {
    return RedisBridge.enterBatch(batch, "PIPELINE");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
  }
}
