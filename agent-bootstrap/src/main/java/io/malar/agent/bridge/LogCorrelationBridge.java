package io.malar.agent.bridge;

import java.util.Map;

/** Static entry points of the {@link LogCorrelationHook}; a feature installs the hook at start-up. */
public final class LogCorrelationBridge {
  /** The key whose presence says an event's context data has its ids already (or the application's own). */
  public static final String TRACE_ID = "trace_id";

  private static volatile LogCorrelationHook hook = () -> null;

  private LogCorrelationBridge() {}

  public static void install(LogCorrelationHook newHook) {
    hook = newHook;
  }

  public static Map<String, String> currentIds() {
    return hook.currentIds();
  }
}
