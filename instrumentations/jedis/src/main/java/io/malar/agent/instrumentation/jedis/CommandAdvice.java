package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.RedisBridge;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;

/**
 * Inlined into {@code Connection.executeCommand(CommandObject)} and {@code
 * executeCommand(CommandArguments)}: one command, sent and answered.
 */
public final class CommandAdvice {
  private CommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.Argument(0) Object command) {
    CommandArguments arguments =
        command instanceof CommandObject
            ? ((CommandObject<?>) command).getArguments()
            : (CommandArguments) command;
    // the first argument is the command itself
    return RedisBridge.enterCommand(arguments.getCommand().getRaw(), arguments.size() - 1);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
  }
}
