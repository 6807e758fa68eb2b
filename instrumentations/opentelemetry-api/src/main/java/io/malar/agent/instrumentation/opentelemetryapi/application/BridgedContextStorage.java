package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * The application's context storage, reading and writing the agent's: a span the agent made is
 * current for the application, and a span the application makes current is the parent of the
 * agent's next span.
 */
final class BridgedContextStorage implements ContextStorage {
  private final Contexts contexts;

  BridgedContextStorage(Contexts contexts) {
    this.contexts = contexts;
  }

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    return contexts.agent().attach(contexts.toAgent(toAttach))::run;
  }

  @Override
  public Context current() {
    return contexts.current();
  }
}
