package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;

final class BridgedMeterBuilder implements MeterBuilder {
  private final String scopeName;
  private final Contexts contexts;
  private String scopeVersion;
  private String schemaUrl;

  BridgedMeterBuilder(String scopeName, Contexts contexts) {
    this.scopeName = scopeName;
    this.contexts = contexts;
  }

  @Override
  public MeterBuilder setSchemaUrl(String schemaUrl) {
    this.schemaUrl = schemaUrl;
    return this;
  }

  @Override
  public MeterBuilder setInstrumentationVersion(String scopeVersion) {
    this.scopeVersion = scopeVersion;
    return this;
  }

  @Override
  public Meter build() {
    return new BridgedMeter(contexts.agent().meter(scopeName, scopeVersion, schemaUrl), contexts);
  }
}
