package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** A Callable handed to an executor ({@code newTaskFor}, {@code submit}, {@code schedule}) is wrapped. */
public final class ExecutorCallableAdvice {
  private ExecutorCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object executor, @Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
    task = ContextBridge.wrap(task, executor);
  }
}
