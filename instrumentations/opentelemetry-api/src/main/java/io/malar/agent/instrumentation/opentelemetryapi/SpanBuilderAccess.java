package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelSpan;
import io.malar.agent.bridge.AgentOtelSpanBuilder;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The agent's span builder, filled in by the application's. */
final class SpanBuilderAccess implements AgentOtelSpanBuilder {
  private final SpanBuilder builder;

  SpanBuilderAccess(SpanBuilder builder) {
    this.builder = builder;
  }

  @Override
  public void setParent(Object context) {
    builder.setParent((Context) context);
  }

  @Override
  public void setNoParent() {
    builder.setNoParent();
  }

  @Override
  public void setSpanKind(String kind) {
    builder.setSpanKind(SpanKind.valueOf(kind));
  }

  @Override
  public void setAttribute(String key, Object value) {
    builder.setAllAttributes(AttributeMaps.single(key, value));
  }

  @Override
  public void addLink(AgentOtelSpan linked, Map<String, Object> attributes) {
    builder.addLink(((SpanAccess) linked).span().getSpanContext(), AttributeMaps.toAttributes(attributes));
  }

  @Override
  public void setStartTimestamp(long epochNanos) {
    builder.setStartTimestamp(epochNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public AgentOtelSpan start() {
    return new SpanAccess(builder.startSpan());
  }
}
