package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import net.bytebuddy.asm.Advice;

/**
 * A virtual thread runs its task in the context current when it was created: the constructor of
 * {@code java.lang.VirtualThread(Executor scheduler, String name, int characteristics, Runnable task)}.
 */
public final class VirtualThreadAdvice {
  private VirtualThreadAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 3, readOnly = false) Runnable task) {
    task = ContextBridge.wrap(task);
  }
}
