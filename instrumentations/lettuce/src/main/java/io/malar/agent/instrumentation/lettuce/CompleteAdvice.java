package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.Value;
import io.lettuce.core.internal.ExceptionFactory;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.malar.agent.bridge.AsyncRedisBridge;
import io.malar.agent.bridge.CacheReadBridge;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Command.complete()}: the reply was decoded. An error reply completes the
 * command too; it fails with the exception Lettuce raises for it. A command that had failed or was
 * cancelled already (the async API fails it first, then completes it) was reported then. A read's
 * reply goes to the cache hit and miss counts with its arguments as the codec encodes them, whatever
 * the API (sync, async, reactive) that sent it.
 */
public final class CompleteAdvice {
  private CompleteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(@Advice.This Command<?, ?, ?> command) {
    return command.isDone();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Command<?, ?, ?> command, @Advice.Enter boolean doneBefore) {
    if (doneBefore) {
      return;
    }
    CommandOutput<?, ?, ?> output = command.getOutput();
    String error = output == null ? null : output.getError();
    AsyncRedisBridge.commandCompleted(command, error == null ? null : ExceptionFactory.createExecutionException(error));
    byte[] name = command.getType().getBytes();
    if (output == null || error != null || command.getArgs() == null || !CacheReadBridge.isRead(name)) {
      return;
    }
    Object reply = output.get();
    if (reply instanceof List) {
      // MGET, HMGET: a KeyValue per key, empty when the key was not there
      List<Object> found = new ArrayList<>(((List<?>) reply).size());
      for (Object element : (List<?>) reply) {
        found.add(element instanceof Value ? Boolean.valueOf(((Value<?>) element).hasValue()) : element);
      }
      reply = found;
    }
    ByteBuf encoded = Unpooled.buffer();
    try {
      command.getArgs().encode(encoded);
      byte[] arguments = new byte[encoded.readableBytes()];
      encoded.readBytes(arguments);
      CacheReadBridge.repliedEncoded(name, arguments, reply);
    } finally {
      encoded.release();
    }
  }
}
