package io.malar.agent.bridge;

import java.util.List;

/**
 * The agent's OpenTelemetry as the application's API helpers see it. Contexts travel as Object
 * (they are the agent's {@code Context}s); attributes as maps of String, Boolean, Long, Double or
 * lists of those.
 */
public interface AgentOtel {
  AgentOtelTracer tracer(String scopeName, String scopeVersion, String schemaUrl);

  AgentOtelMeter meter(String scopeName, String scopeVersion, String schemaUrl);

  Object currentContext();

  Object rootContext();

  /** Makes {@code context} current on this thread; running the result restores the previous one. */
  Runnable attach(Object context);

  /** The span in {@code context}, or null when it holds none. */
  AgentOtelSpan spanIn(Object context);

  Object withSpan(Object context, AgentOtelSpan span);

  /**
   * A span known only by its identity, such as a remote parent the application extracted. The
   * trace state's keys and values alternate, last entry first: the order in which a trace state
   * builder, which puts each entry in front, rebuilds it.
   */
  AgentOtelSpan wrap(String traceId, String spanId, byte traceFlags, List<String> traceState, boolean remote);

  /** The application's own context values carried by {@code context}, or null. */
  Object applicationValues(Object context);

  Object withApplicationValues(Object context, Object applicationValues);
}
