package io.malar.agent.instrumentation.lettuce;

import io.lettuce.core.internal.ExceptionFactory;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Command.complete()}: the reply was decoded. An error reply completes the
 * command too; it fails with the exception Lettuce raises for it.
 */
public final class CompleteAdvice {
  private CompleteAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Command<?, ?, ?> command) {
    CommandOutput<?, ?, ?> output = command.getOutput();
    String error = output == null ? null : output.getError();
    AsyncRedisBridge.commandCompleted(command, error == null ? null : ExceptionFactory.createExecutionException(error));
  }
}
