package io.malar.agent.core.instrument;

import io.malar.agent.core.config.AgentConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/** What an instrumentation module gets to build its hook. */
public final class AgentContext {
  private final OpenTelemetry openTelemetry;
  private final AgentConfig config;
  private final String agentVersion;

  public AgentContext(OpenTelemetry openTelemetry, AgentConfig config, String agentVersion) {
    this.openTelemetry = openTelemetry;
    this.config = config;
    this.agentVersion = agentVersion;
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  public AgentConfig config() {
    return config;
  }

  public Tracer tracer(String moduleName) {
    return openTelemetry.getTracer("io.malar.agent." + moduleName, agentVersion);
  }
}
