package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Learns the key under which the application's API keeps the span (package-private in the API) the
 * public way: a span stores itself in a context by calling {@code with(key, span)}.
 */
final class SpanKeyCatcher implements Context {
  private ContextKey<?> caught;

  @SuppressWarnings("unchecked")
  static ContextKey<Span> spanKey() {
    SpanKeyCatcher catcher = new SpanKeyCatcher();
    Span.getInvalid().storeInContext(catcher);
    if (catcher.caught == null) {
      throw new IllegalStateException("the OpenTelemetry API stores its span in an unknown way");
    }
    return (ContextKey<Span>) catcher.caught;
  }

  @Override
  public <V> V get(ContextKey<V> key) {
    return null;
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    caught = key;
    return this;
  }
}
