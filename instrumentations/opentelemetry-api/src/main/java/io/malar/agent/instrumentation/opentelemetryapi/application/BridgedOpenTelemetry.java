package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * What {@code GlobalOpenTelemetry} returns under the agent. Propagation is the API's own W3C trace
 * context and baggage, the agent's defaults: they read and write the span through the application's
 * contexts, which are the agent's. The logs API stays the API's no-op.
 */
final class BridgedOpenTelemetry implements OpenTelemetry {
  private final TracerProvider tracers;
  private final MeterProvider meters;
  private final ContextPropagators propagators =
      ContextPropagators.create(
          TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));

  BridgedOpenTelemetry(Contexts contexts) {
    this.tracers = new BridgedTracerProvider(contexts);
    this.meters = new BridgedMeterProvider(contexts);
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracers;
  }

  @Override
  public MeterProvider getMeterProvider() {
    return meters;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }
}
