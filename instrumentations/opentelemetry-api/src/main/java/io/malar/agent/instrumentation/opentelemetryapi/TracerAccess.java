package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelSpanBuilder;
import io.malar.agent.bridge.AgentOtelTracer;
import io.opentelemetry.api.trace.Tracer;

/** One of the agent's tracers, for the application's instrumentation scope. */
final class TracerAccess implements AgentOtelTracer {
  private final Tracer tracer;

  TracerAccess(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public AgentOtelSpanBuilder spanBuilder(String spanName) {
    return new SpanBuilderAccess(tracer.spanBuilder(spanName));
  }
}
