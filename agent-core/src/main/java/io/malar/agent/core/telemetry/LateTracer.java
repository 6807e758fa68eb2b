package io.malar.agent.core.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

/** A tracer of the SDK that is still being built: the first span waits for it, then it is kept. */
final class LateTracer implements Tracer {
  private final PendingTelemetry pending;
  private final String scopeName;
  private final String scopeVersion;
  private volatile Tracer resolved;

  LateTracer(PendingTelemetry pending, String scopeName, String scopeVersion) {
    this.pending = pending;
    this.scopeName = scopeName;
    this.scopeVersion = scopeVersion;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return tracer().spanBuilder(spanName);
  }

  @Override
  public boolean isEnabled() {
    return tracer().isEnabled();
  }

  private Tracer tracer() {
    Tracer tracer = resolved;
    if (tracer != null) {
      return tracer;
    }
    OpenTelemetry sdk = pending.await();
    tracer = scopeVersion == null ? sdk.getTracer(scopeName) : sdk.getTracer(scopeName, scopeVersion);
    if (pending.isSettledAs(sdk)) {
      resolved = tracer; // not the stand-in of a telemetry that was not ready in time
    }
    return tracer;
  }
}
