package io.malar.otlp.receiver;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;

/** One received span together with the resource and instrumentation scope it was exported under. */
public final class ReceivedSpan {

  private final Span span;
  private final Resource resource;
  private final String scopeName;

  public ReceivedSpan(Span span, Resource resource, String scopeName) {
    this.span = span;
    this.resource = resource;
    this.scopeName = scopeName;
  }

  static List<ReceivedSpan> allOf(ExportTraceServiceRequest request) {
    List<ReceivedSpan> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new ReceivedSpan(span, resourceSpans.getResource(), scopeSpans.getScope().getName()));
        }
      }
    }
    return spans;
  }

  public Span span() {
    return span;
  }

  public Resource resource() {
    return resource;
  }

  public String scopeName() {
    return scopeName;
  }

  public String name() {
    return span.getName();
  }

  public Span.SpanKind kind() {
    return span.getKind();
  }

  public String traceIdHex() {
    return AnyValues.hex(span.getTraceId());
  }

  public String spanIdHex() {
    return AnyValues.hex(span.getSpanId());
  }

  /** The parent's span id, or "" for a root span. */
  public String parentSpanIdHex() {
    return AnyValues.hex(span.getParentSpanId());
  }

  /** The attribute rendered as a String (e.g. "42", "true", "1.5"), or null when absent. */
  public String attribute(String key) {
    return AnyValues.render(span.getAttributesList(), key);
  }

  /** The attribute when it is an integer, otherwise null. */
  public Long longAttribute(String key) {
    for (KeyValue attribute : span.getAttributesList()) {
      if (attribute.getKey().equals(key) && attribute.getValue().hasIntValue()) {
        return attribute.getValue().getIntValue();
      }
    }
    return null;
  }

  public String resourceAttribute(String key) {
    return AnyValues.render(resource.getAttributesList(), key);
  }

  public long durationNanos() {
    return span.getEndTimeUnixNano() - span.getStartTimeUnixNano();
  }

  public Status.StatusCode statusCode() {
    return span.getStatus().getCode();
  }

  public List<Span.Event> events() {
    return span.getEventsList();
  }

  @Override
  public String toString() {
    return name() + " [" + kind() + "] trace=" + traceIdHex() + " span=" + spanIdHex()
        + " parent=" + parentSpanIdHex();
  }
}
