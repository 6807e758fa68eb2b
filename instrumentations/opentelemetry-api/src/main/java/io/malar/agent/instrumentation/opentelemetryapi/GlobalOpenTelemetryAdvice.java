package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.OtelApiBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code GlobalOpenTelemetry.get()} returns the helper that exports through the agent. */
public final class GlobalOpenTelemetryAdvice {
  private GlobalOpenTelemetryAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Origin Class<?> globalType,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object openTelemetry) {
    openTelemetry = OtelApiBridge.openTelemetry(globalType, openTelemetry);
  }
}
