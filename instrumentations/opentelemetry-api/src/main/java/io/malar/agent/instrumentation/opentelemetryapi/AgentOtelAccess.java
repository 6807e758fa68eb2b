package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.bridge.AgentOtelMeter;
import io.malar.agent.bridge.AgentOtelSpan;
import io.malar.agent.bridge.AgentOtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.List;

/**
 * The agent's OpenTelemetry, served to the application's API helpers. The application's own
 * context values (anything but its span) ride along in the agent's context under one key, so they
 * follow the work wherever the agent carries its context.
 */
final class AgentOtelAccess implements AgentOtel {
  private static final ContextKey<Object> APPLICATION_VALUES = ContextKey.named("malar-application-context");

  private final OpenTelemetry openTelemetry;

  AgentOtelAccess(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  @Override
  public AgentOtelTracer tracer(String scopeName, String scopeVersion, String schemaUrl) {
    // the agent's tracer provider resolves the SDK on first use, so tracers are named, not built
    return new TracerAccess(
        scopeVersion == null ? openTelemetry.getTracer(scopeName) : openTelemetry.getTracer(scopeName, scopeVersion));
  }

  @Override
  public AgentOtelMeter meter(String scopeName, String scopeVersion, String schemaUrl) {
    MeterBuilder builder = openTelemetry.getMeterProvider().meterBuilder(scopeName);
    if (scopeVersion != null) {
      builder.setInstrumentationVersion(scopeVersion);
    }
    if (schemaUrl != null) {
      builder.setSchemaUrl(schemaUrl);
    }
    return new MeterAccess(builder.build());
  }

  @Override
  public Object currentContext() {
    return Context.current();
  }

  @Override
  public Object rootContext() {
    return Context.root();
  }

  @Override
  public Runnable attach(Object context) {
    return ((Context) context).makeCurrent()::close;
  }

  @Override
  public AgentOtelSpan spanIn(Object context) {
    Span span = Span.fromContextOrNull((Context) context);
    return span == null ? null : new SpanAccess(span);
  }

  @Override
  public Object withSpan(Object context, AgentOtelSpan span) {
    return ((Context) context).with(span == null ? Span.getInvalid() : ((SpanAccess) span).span());
  }

  @Override
  public AgentOtelSpan wrap(String traceId, String spanId, byte traceFlags, List<String> traceState, boolean remote) {
    TraceState state = traceState(traceState);
    SpanContext spanContext =
        remote
            ? SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.fromByte(traceFlags), state)
            : SpanContext.create(traceId, spanId, TraceFlags.fromByte(traceFlags), state);
    return new SpanAccess(Span.wrap(spanContext));
  }

  @Override
  public Object applicationValues(Object context) {
    return ((Context) context).get(APPLICATION_VALUES);
  }

  @Override
  public Object withApplicationValues(Object context, Object applicationValues) {
    return ((Context) context).with(APPLICATION_VALUES, applicationValues);
  }

  private static TraceState traceState(List<String> entries) {
    TraceStateBuilder builder = TraceState.builder();
    for (int i = 0; i + 1 < entries.size(); i += 2) {
      builder.put(entries.get(i), entries.get(i + 1));
    }
    return builder.build();
  }
}
