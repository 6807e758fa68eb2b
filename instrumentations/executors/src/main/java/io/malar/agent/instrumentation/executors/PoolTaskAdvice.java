package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/** A ForkJoinTask handed to a pool ({@code execute}, {@code submit}, {@code invoke}) is remembered. */
public final class PoolTaskAdvice {
  private PoolTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) Object task) {
    ContextBridge.handOver(task);
  }
}
