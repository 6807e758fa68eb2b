package io.malar.agent.core.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/** The propagators configured for the SDK (OTEL_PROPAGATORS), once it is built. */
final class LatePropagator implements TextMapPropagator {
  private final PendingTelemetry pending;

  LatePropagator(PendingTelemetry pending) {
    this.pending = pending;
  }

  private TextMapPropagator configured() {
    return pending.await().getPropagators().getTextMapPropagator();
  }

  @Override
  public Collection<String> fields() {
    return configured().fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    configured().inject(context, carrier, setter);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    return configured().extract(context, carrier, getter);
  }
}
