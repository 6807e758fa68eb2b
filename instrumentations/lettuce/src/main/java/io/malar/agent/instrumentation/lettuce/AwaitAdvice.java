package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Futures.awaitOrCancel}, where the sync API (and {@code
 * LettuceFutures.awaitOrCancel}, which Spring Data Redis calls) waits for a reply: the waiting
 * thread ends the span, as a Jedis caller's thread does.
 */
public final class AwaitAdvice {
  private AwaitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.Argument(0) Object future) {
    return future instanceof RedisCommand
        ? AsyncRedisBridge.awaitStarted(CommandWrapper.unwrap((RedisCommand<?, ?, ?>) future))
        : null;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    AsyncRedisBridge.awaitEnded(token, thrown);
  }
}
