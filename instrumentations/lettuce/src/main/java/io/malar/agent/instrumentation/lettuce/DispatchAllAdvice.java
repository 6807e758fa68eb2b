package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import java.util.Collection;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code RedisChannelHandler.dispatch(Collection)}: several commands at once. */
public final class DispatchAllAdvice {
  private DispatchAllAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) Collection<?> commands) {
    for (Object command : commands) {
      RedisCommand<?, ?, ?> inner = CommandWrapper.unwrap((RedisCommand<?, ?, ?>) command);
      CommandArgs<?, ?> arguments = inner.getArgs();
      AsyncRedisBridge.commandDispatched(inner, inner.getType().getBytes(), arguments == null ? 0 : arguments.count());
    }
  }
}
