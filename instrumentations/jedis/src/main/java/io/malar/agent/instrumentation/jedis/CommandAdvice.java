package io.malar.agent.instrumentation.jedis;

import io.malar.agent.bridge.CacheReadBridge;
import io.malar.agent.bridge.RedisBridge;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.args.Rawable;

/**
 * Inlined into {@code Connection.executeCommand(CommandObject)} and {@code
 * executeCommand(CommandArguments)}: one command, sent and answered. A read's reply, decoded,
 * goes to the cache hit and miss counts with the arguments it asked about.
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
  public static void exit(
      @Advice.Enter Object token,
      @Advice.Argument(0) Object command,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object reply,
      @Advice.Thrown Throwable thrown) {
    RedisBridge.exit(token, thrown);
    if (thrown != null) {
      return;
    }
    CommandArguments arguments =
        command instanceof CommandObject
            ? ((CommandObject<?>) command).getArguments()
            : (CommandArguments) command;
    byte[] name = arguments.getCommand().getRaw();
    if (CacheReadBridge.isRead(name)) {
      List<byte[]> raw = new ArrayList<>(arguments.size() - 1);
      Iterator<Rawable> each = arguments.iterator();
      each.next(); // the command itself
      while (each.hasNext()) {
        raw.add(each.next().getRaw());
      }
      CacheReadBridge.replied(name, raw, reply);
    }
  }
}
