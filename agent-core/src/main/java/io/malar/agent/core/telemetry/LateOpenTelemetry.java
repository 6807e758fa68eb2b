package io.malar.agent.core.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * The OpenTelemetry handed to instrumentations before the SDK exists: tracers and the propagator
 * resolve the SDK's on first use (see {@link PendingTelemetry}); creating them costs nothing.
 */
final class LateOpenTelemetry implements OpenTelemetry {
  private final PendingTelemetry pending;
  private final ContextPropagators propagators;
  private final TracerProvider tracers;

  LateOpenTelemetry(PendingTelemetry pending) {
    this.pending = pending;
    this.propagators = ContextPropagators.create(new LatePropagator(pending));
    this.tracers =
        new TracerProvider() {
          @Override
          public Tracer get(String scopeName) {
            return new LateTracer(pending, scopeName, null);
          }

          @Override
          public Tracer get(String scopeName, String scopeVersion) {
            return new LateTracer(pending, scopeName, scopeVersion);
          }
        };
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracers;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  @Override
  public MeterProvider getMeterProvider() {
    return pending.await().getMeterProvider();
  }
}
