package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinTask.doExec()}, where every pool runs a task: its remembered context is current. */
public final class ForkJoinTaskRunAdvice {
  private ForkJoinTaskRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object task) {
    return ContextBridge.starting(task);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object scope) {
    ContextBridge.ended(scope);
  }
}
