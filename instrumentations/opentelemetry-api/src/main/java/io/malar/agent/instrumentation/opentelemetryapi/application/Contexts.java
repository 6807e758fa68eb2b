package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.bridge.AgentOtelSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translates between the application's contexts and spans and the agent's. The agent's context is
 * the one truth: the application's span key reads and writes the agent's span, any other key the
 * application's own values carried inside the agent's context.
 */
final class Contexts {
  private final AgentOtel agent;
  private final ContextKey<Span> spanKey;

  Contexts(AgentOtel agent) {
    this.agent = agent;
    this.spanKey = SpanKeyCatcher.spanKey();
  }

  AgentOtel agent() {
    return agent;
  }

  Context current() {
    return new BridgedContext(this, agent.currentContext());
  }

  boolean isSpanKey(ContextKey<?> key) {
    return key == spanKey;
  }

  /** The span in an agent's context as the application's, or null when there is none. */
  Span spanIn(Object agentContext) {
    AgentOtelSpan span = agent.spanIn(agentContext);
    return span == null ? null : new BridgedSpan(span, this);
  }

  Object toAgent(Context context) {
    if (context instanceof BridgedContext) {
      return ((BridgedContext) context).agentContext();
    }
    // a context the application built from its root: its span, and the rest as its own values
    Object agentContext = agent.rootContext();
    Span span = context.get(spanKey);
    if (span != null) {
      agentContext = agent.withSpan(agentContext, toAgent(span));
    }
    return agent.withApplicationValues(agentContext, context);
  }

  /** The agent's span for one of the application's, or null for none or an invalid one. */
  AgentOtelSpan toAgent(Span span) {
    if (span instanceof BridgedSpan) {
      return ((BridgedSpan) span).agentSpan();
    }
    return span == null ? null : toAgent(span.getSpanContext());
  }

  /** The agent's span known only by this identity, as a link or a remote parent; null for an invalid one. */
  AgentOtelSpan toAgent(SpanContext spanContext) {
    if (spanContext == null || !spanContext.isValid()) {
      return null;
    }
    List<String> traceState = new ArrayList<>();
    spanContext.getTraceState().forEach((key, value) -> traceState.addAll(0, Arrays.asList(key, value)));
    return agent.wrap(
        spanContext.getTraceId(),
        spanContext.getSpanId(),
        spanContext.getTraceFlags().asByte(),
        traceState,
        spanContext.isRemote());
  }
}
