package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/**
 * A Runnable handed to a ForkJoinPool: CompletableFuture's async stages arrive here as
 * ForkJoinTasks, which are remembered; other Runnables are wrapped.
 */
public final class PoolRunnableAdvice {
  private PoolRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = ContextBridge.wrapForPool(task);
  }
}
