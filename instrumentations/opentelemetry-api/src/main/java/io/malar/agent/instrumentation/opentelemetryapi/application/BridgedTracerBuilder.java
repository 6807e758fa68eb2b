package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;

final class BridgedTracerBuilder implements TracerBuilder {
  private final String scopeName;
  private final Contexts contexts;
  private String scopeVersion;
  private String schemaUrl;

  BridgedTracerBuilder(String scopeName, Contexts contexts) {
    this.scopeName = scopeName;
    this.contexts = contexts;
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    this.schemaUrl = schemaUrl;
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String scopeVersion) {
    this.scopeVersion = scopeVersion;
    return this;
  }

  @Override
  public Tracer build() {
    return new BridgedTracer(contexts.agent().tracer(scopeName, scopeVersion, schemaUrl), contexts);
  }
}
