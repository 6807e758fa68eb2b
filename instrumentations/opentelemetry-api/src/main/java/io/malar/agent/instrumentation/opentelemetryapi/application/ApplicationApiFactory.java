package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.bridge.OtelApiFactory;

/** The helpers' entry point: the application's OpenTelemetry and context storage over the agent's. */
public final class ApplicationApiFactory implements OtelApiFactory {
  @Override
  public Object openTelemetry(AgentOtel agent) {
    return new BridgedOpenTelemetry(new Contexts(agent));
  }

  @Override
  public Object contextStorage(AgentOtel agent) {
    return new BridgedContextStorage(new Contexts(agent));
  }
}
