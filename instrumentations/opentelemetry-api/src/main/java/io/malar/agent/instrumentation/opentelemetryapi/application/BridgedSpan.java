package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the agent's spans, made by the application or by the agent, seen through the application's API. */
final class BridgedSpan implements Span {
  private static final long NOW = -1;

  private final AgentOtelSpan span;
  private final Contexts contexts;
  private volatile SpanContext spanContext;

  BridgedSpan(AgentOtelSpan span, Contexts contexts) {
    this.span = span;
    this.contexts = contexts;
  }

  AgentOtelSpan agentSpan() {
    return span;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null) {
      span.setAttribute(key.getKey(), value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    span.addEvent(name, ApplicationAttributes.toMap(attributes), NOW);
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    span.addEvent(name, ApplicationAttributes.toMap(attributes), unit == null ? NOW : unit.toNanos(timestamp));
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode != null) {
      span.setStatus(statusCode.name(), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    if (exception != null) {
      span.recordException(exception, ApplicationAttributes.toMap(additionalAttributes));
    }
    return this;
  }

  // a default method since API 1.37, with types every version has; older ones never call it
  public Span addLink(SpanContext spanContext, Attributes attributes) {
    AgentOtelSpan linked = contexts.toAgent(spanContext);
    if (linked != null) {
      span.addLink(linked, ApplicationAttributes.toMap(attributes));
    }
    return this;
  }

  @Override
  public Span updateName(String name) {
    span.updateName(name);
    return this;
  }

  @Override
  public void end() {
    span.end(NOW);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    span.end(unit == null ? NOW : unit.toNanos(timestamp));
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext known = spanContext;
    if (known == null) {
      TraceFlags flags = TraceFlags.fromByte(span.traceFlags());
      TraceState state = traceState(span.traceState());
      known =
          span.isRemote()
              ? SpanContext.createFromRemoteParent(span.traceId(), span.spanId(), flags, state)
              : SpanContext.create(span.traceId(), span.spanId(), flags, state);
      spanContext = known;
    }
    return known;
  }

  @Override
  public boolean isRecording() {
    return span.isRecording();
  }

  @Override
  public String toString() {
    return "BridgedSpan{" + getSpanContext() + "}";
  }

  private static TraceState traceState(List<String> entries) {
    TraceStateBuilder builder = TraceState.builder();
    for (int i = 0; i + 1 < entries.size(); i += 2) {
      builder.put(entries.get(i), entries.get(i + 1));
    }
    return builder.build();
  }
}
