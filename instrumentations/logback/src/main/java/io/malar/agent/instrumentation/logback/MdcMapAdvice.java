package io.malar.agent.instrumentation.logback;

import io.malar.agent.bridge.LogCorrelationBridge;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code LoggingEvent.getMDCPropertyMap()}: the first read made while a span is
 * current replaces the event's MDC map by a copy with the ids; the application's own entries win
 * over ids of the same name, and later reads find the ids there already.
 */
public final class MdcMapAdvice {
  private MdcMapAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Return(readOnly = false) Map<String, String> mdc,
      @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> eventMdc) {
    if (mdc == null || mdc.containsKey(LogCorrelationBridge.TRACE_ID)) {
      return;
    }
    Map<String, String> ids = LogCorrelationBridge.currentIds();
    if (ids == null) {
      return;
    }
    Map<String, String> withIds = new HashMap<>(ids);
    withIds.putAll(mdc);
    eventMdc = withIds;
    mdc = withIds;
  }
}
