package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.malar.agent.bridge.AsyncRedisBridge;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the constructor of {@code RedisPublisher}, which a reactive call builds on the
 * application's thread with the command its first subscription will dispatch.
 */
public final class PublisherAdvice {
  private PublisherAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.FieldValue("ref") AtomicReference<?> firstCommand) {
    Object command = firstCommand.get();
    if (command instanceof RedisCommand) {
      AsyncRedisBridge.commandAssembled(CommandWrapper.unwrap((RedisCommand<?, ?, ?>) command));
    }
  }
}
