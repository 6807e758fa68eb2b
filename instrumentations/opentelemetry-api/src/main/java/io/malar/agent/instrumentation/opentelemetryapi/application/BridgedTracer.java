package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelTracer;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

final class BridgedTracer implements Tracer {
  private final AgentOtelTracer tracer;
  private final Contexts contexts;

  BridgedTracer(AgentOtelTracer tracer, Contexts contexts) {
    this.tracer = tracer;
    this.contexts = contexts;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new BridgedSpanBuilder(tracer.spanBuilder(spanName), contexts);
  }
}
