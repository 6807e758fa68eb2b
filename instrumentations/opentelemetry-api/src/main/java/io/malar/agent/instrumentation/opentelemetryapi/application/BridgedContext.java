package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/** One of the agent's contexts, seen through the application's API. */
final class BridgedContext implements Context {
  private final Contexts contexts;
  private final Object agentContext;

  BridgedContext(Contexts contexts, Object agentContext) {
    this.contexts = contexts;
    this.agentContext = agentContext;
  }

  Object agentContext() {
    return agentContext;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (contexts.isSpanKey(key)) {
      return (V) contexts.spanIn(agentContext);
    }
    Object values = contexts.agent().applicationValues(agentContext);
    return values == null ? null : ((Context) values).get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    AgentOtel agent = contexts.agent();
    if (contexts.isSpanKey(key)) {
      return new BridgedContext(contexts, agent.withSpan(agentContext, contexts.toAgent((Span) value)));
    }
    Object values = agent.applicationValues(agentContext);
    Context own = values == null ? Context.root() : (Context) values;
    return new BridgedContext(contexts, agent.withApplicationValues(agentContext, own.with(key, value)));
  }
}
