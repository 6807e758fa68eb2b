package io.malar.agent.bridge;

/**
 * Implemented by a helper defined next to the application's OpenTelemetry API: makes that API's
 * objects that forward to the agent's telemetry.
 */
public interface OtelApiFactory {
  /** The application's {@code OpenTelemetry}, exporting through {@code agent}. */
  Object openTelemetry(AgentOtel agent);

  /** The application's {@code ContextStorage}, whose current context is the agent's. */
  Object contextStorage(AgentOtel agent);
}
