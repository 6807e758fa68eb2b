package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import java.net.Socket;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;

/**
 * Inlined into {@code Connection.sendCommand(CommandArguments)}, where every command is written:
 * names a client call's span, and tells where the command went once the connection is connected.
 */
public final class SendCommandAdvice {
  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) CommandArguments arguments) {
    // the first argument is the command itself
    RedisBridge.commandSending(arguments.getCommand().getRaw(), arguments.size() - 1);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object connection, @Advice.FieldValue("socket") Socket socket) {
    RedisBridge.commandSent(connection, socket);
  }
}
