package io.malar.agent.instrumentation.log4j;

import io.malar.agent.bridge.LogCorrelationBridge;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Inlined into a context data injector's {@code injectContextData(properties, reusable)}: the
 * event's context data gets the ids of the current span. The event's own reusable map is filled in
 * place; a map the injector shares with the ThreadContext (a frozen copy) is copied first, so the
 * thread's context never changes. The application's own entries win over ids of the same name.
 */
public final class InjectContextDataAdvice {
  private InjectContextDataAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Argument(1) StringMap reusable, @Advice.Return(readOnly = false) StringMap contextData) {
    if (contextData == null || contextData.containsKey(LogCorrelationBridge.TRACE_ID)) {
      return;
    }
    Map<String, String> ids = LogCorrelationBridge.currentIds();
    if (ids == null) {
      return;
    }
    StringMap target = contextData == reusable && !contextData.isFrozen() ? contextData : new SortedArrayStringMap(contextData);
    for (Map.Entry<String, String> id : ids.entrySet()) {
      if (!target.containsKey(id.getKey())) {
        target.putValue(id.getKey(), id.getValue());
      }
    }
    contextData = target;
  }
}
