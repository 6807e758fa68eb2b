package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.OtelApiBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code ContextStorage.get()} returns the helper whose current context is the agent's. */
public final class ContextStorageAdvice {
  private ContextStorageAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Origin Class<?> storageType,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object storage) {
    storage = OtelApiBridge.contextStorage(storageType, storage);
  }
}
