package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** {@code shutdownNow()} returns the application's own tasks, not their wrappers. */
public final class ShutdownNowAdvice {
  private ShutdownNowAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Return List<Runnable> tasks) {
    ContextBridge.unwrapAll(tasks);
  }
}
