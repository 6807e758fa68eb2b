package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtelSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the agent's spans, handled by the application's API. */
final class SpanAccess implements AgentOtelSpan {
  private final Span span;

  SpanAccess(Span span) {
    this.span = span;
  }

  Span span() {
    return span;
  }

  @Override
  public String traceId() {
    return span.getSpanContext().getTraceId();
  }

  @Override
  public String spanId() {
    return span.getSpanContext().getSpanId();
  }

  @Override
  public byte traceFlags() {
    return span.getSpanContext().getTraceFlags().asByte();
  }

  @Override
  public List<String> traceState() {
    List<String> entries = new ArrayList<>();
    span.getSpanContext().getTraceState().forEach((key, value) -> entries.addAll(0, List.of(key, value)));
    return entries;
  }

  @Override
  public boolean isRemote() {
    return span.getSpanContext().isRemote();
  }

  @Override
  public boolean isRecording() {
    return span.isRecording();
  }

  @Override
  public void setAttribute(String key, Object value) {
    span.setAllAttributes(AttributeMaps.single(key, value));
  }

  @Override
  public void addEvent(String name, Map<String, Object> attributes, long epochNanos) {
    if (epochNanos < 0) {
      span.addEvent(name, AttributeMaps.toAttributes(attributes));
    } else {
      span.addEvent(name, AttributeMaps.toAttributes(attributes), epochNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void setStatus(String code, String description) {
    StatusCode status = StatusCode.valueOf(code);
    if (description == null) {
      span.setStatus(status);
    } else {
      span.setStatus(status, description);
    }
  }

  @Override
  public void recordException(Throwable exception, Map<String, Object> attributes) {
    span.recordException(exception, AttributeMaps.toAttributes(attributes));
  }

  @Override
  public void addLink(AgentOtelSpan linked, Map<String, Object> attributes) {
    span.addLink(((SpanAccess) linked).span().getSpanContext(), AttributeMaps.toAttributes(attributes));
  }

  @Override
  public void updateName(String name) {
    span.updateName(name);
  }

  @Override
  public void end(long epochNanos) {
    if (epochNanos < 0) {
      span.end();
    } else {
      span.end(epochNanos, TimeUnit.NANOSECONDS);
    }
  }
}
