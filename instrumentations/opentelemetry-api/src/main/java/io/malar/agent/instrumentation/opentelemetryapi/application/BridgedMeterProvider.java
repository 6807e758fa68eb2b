package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;

/** The application's meters, each one of the agent's under the application's scope name. */
final class BridgedMeterProvider implements MeterProvider {
  private final Contexts contexts;

  BridgedMeterProvider(Contexts contexts) {
    this.contexts = contexts;
  }

  @Override
  public MeterBuilder meterBuilder(String scopeName) {
    return new BridgedMeterBuilder(scopeName, contexts);
  }
}
