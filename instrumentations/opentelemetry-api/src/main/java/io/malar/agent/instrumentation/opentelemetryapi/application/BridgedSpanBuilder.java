package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelSpan;
import io.malar.agent.bridge.AgentOtelSpanBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** The application's span builder, building one of the agent's spans. */
final class BridgedSpanBuilder implements SpanBuilder {
  private final AgentOtelSpanBuilder builder;
  private final Contexts contexts;

  BridgedSpanBuilder(AgentOtelSpanBuilder builder, Contexts contexts) {
    this.builder = builder;
    this.contexts = contexts;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      builder.setParent(contexts.toAgent(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    builder.setNoParent();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    AgentOtelSpan linked = contexts.toAgent(spanContext);
    if (linked != null) {
      builder.addLink(linked, ApplicationAttributes.toMap(attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    builder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    builder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    builder.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    builder.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null) {
      builder.setAttribute(key.getKey(), value);
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      builder.setSpanKind(spanKind.name());
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    if (unit != null && startTimestamp >= 0) {
      builder.setStartTimestamp(unit.toNanos(startTimestamp));
    }
    return this;
  }

  @Override
  public Span startSpan() {
    return new BridgedSpan(builder.start(), contexts);
  }
}
