package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/**
 * A Runnable handed to something that runs exactly it on another thread: {@code AsyncContext.start},
 * the thread-per-task executor of {@code CompletableFuture} on a single-processor pool.
 */
public final class HandedRunnableAdvice {
  private HandedRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = ContextBridge.wrap(task);
  }
}
