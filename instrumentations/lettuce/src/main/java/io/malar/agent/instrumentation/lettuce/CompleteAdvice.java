package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.internal.ExceptionFactory;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Command.complete()}: the reply was decoded. An error reply completes the
 * command too; it fails with the exception Lettuce raises for it. A command that had failed or was
 * cancelled already (the async API fails it first, then completes it) was reported then.
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
  }
}
