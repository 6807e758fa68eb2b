package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.bridge.AsyncRedisBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into the constructor of {@code AbstractRedisClient}, in every Lettuce version. */
public final class ClientLoadedAdvice {
  private ClientLoadedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Origin Class<?> clientClass) {
    AsyncRedisBridge.clientLoaded(clientClass);
  }
}
