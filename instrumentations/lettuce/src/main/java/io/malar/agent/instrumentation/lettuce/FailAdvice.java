package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Command.completeExceptionally(Throwable)}. */
public final class FailAdvice {
  private FailAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object command, @Advice.Argument(0) Throwable failure) {
    AsyncRedisBridge.commandCompleted(command, failure);
  }
}
