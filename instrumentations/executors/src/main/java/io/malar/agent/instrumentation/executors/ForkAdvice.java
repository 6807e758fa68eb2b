package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinTask.fork()}: the task is remembered with the forking thread's context. */
public final class ForkAdvice {
  private ForkAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object task) {
    ContextBridge.handOver(task);
  }
}
