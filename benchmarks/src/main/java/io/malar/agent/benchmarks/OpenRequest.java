package io.malar.agent.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * The agent's span pipeline (batch span processor, exporter discarding) with a request's SERVER
 * span open: where a hook's client spans are made in an application.
 */
public final class OpenRequest implements AutoCloseable {
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build()).build();
  private final Tracer tracer = provider.get("benchmark");
  private final Span request = tracer.spanBuilder("GET /api/v1/farmers/*").setSpanKind(SpanKind.SERVER).startSpan();
  private final Context inRequest = Context.root().with(request);

  public Tracer tracer() {
    return tracer;
  }

  /** Makes the request current on this thread until the scope closes. */
  public Scope enter() {
    return inRequest.makeCurrent();
  }

  @Override
  public void close() {
    request.end();
    provider.close();
  }
}
