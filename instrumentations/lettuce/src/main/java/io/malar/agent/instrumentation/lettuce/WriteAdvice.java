package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandArgsAccessor;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import io.netty.channel.Channel;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code CommandHandler.addToStack}, on the event loop, for every command written on
 * the connection, ours or Lettuce's own (a handshake's SELECT tells the connection's database).
 */
public final class WriteAdvice {
  private WriteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) RedisCommand<?, ?, ?> command, @Advice.FieldValue("channel") Channel channel) {
    RedisCommand<?, ?, ?> inner = CommandWrapper.unwrap(command);
    int selected = -1;
    if (inner.getType() == CommandType.SELECT) {
      Long index = CommandArgsAccessor.getFirstInteger(inner.getArgs());
      selected = index == null ? -1 : index.intValue();
    }
    AsyncRedisBridge.commandWritten(inner, channel, channel == null ? null : channel.remoteAddress(), selected);
  }
}
