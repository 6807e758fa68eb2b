package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/** A Runnable handed to an executor ({@code execute}, {@code newTaskFor}, {@code schedule*}) is wrapped. */
public final class ExecutorRunnableAdvice {
  private ExecutorRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object executor, @Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = ContextBridge.wrap(task, executor);
  }
}
