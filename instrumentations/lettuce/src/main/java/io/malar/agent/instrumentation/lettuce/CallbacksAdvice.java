package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code complete} and {@code completeExceptionally} of {@code AsyncCommand} and
 * {@code CommandWrapper}, which notify the caller's callbacks (a future's stages, a reactive
 * subscriber), mostly on the event loop: they run in the context the command was dispatched in.
 */
public final class CallbacksAdvice {
  private CallbacksAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This RedisCommand<?, ?, ?> command) {
    return AsyncRedisBridge.callbacksStarting(CommandWrapper.unwrap(command));
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token) {
    AsyncRedisBridge.callbacksDone(token);
  }
}
