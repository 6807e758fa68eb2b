package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Command.cancel()}: a cancelled future, subscription or awaited timeout. */
public final class CancelAdvice {
  private CancelAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object command) {
    AsyncRedisBridge.commandCancelled(command);
  }
}
