package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;

/** The application's tracers, each one of the agent's under the application's scope name. */
final class BridgedTracerProvider implements TracerProvider {
  private final Contexts contexts;

  BridgedTracerProvider(Contexts contexts) {
    this.contexts = contexts;
  }

  @Override
  public Tracer get(String scopeName) {
    return get(scopeName, null);
  }

  @Override
  public Tracer get(String scopeName, String scopeVersion) {
    return new BridgedTracer(contexts.agent().tracer(scopeName, scopeVersion, null), contexts);
  }

  @Override
  public TracerBuilder tracerBuilder(String scopeName) {
    return new BridgedTracerBuilder(scopeName, contexts);
  }
}
