package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code RedisChannelHandler.dispatch(RedisCommand)} and its overrides. */
public final class DispatchAdvice {
  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    // the innermost command: every wrapper completes it
    RedisCommand<?, ?, ?> inner = CommandWrapper.unwrap(command);
    CommandArgs<?, ?> arguments = inner.getArgs();
    AsyncRedisBridge.commandDispatched(inner, inner.getType().getBytes(), arguments == null ? 0 : arguments.count());
  }
}
