package io.malar.agent.features.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

class RecentClientCallsTest {
  @Test
  void keepsTheLastCallsOfEachRequestUntilItEnds() {
    RecentClientCalls calls = new RecentClientCalls();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(calls).build()) {
      Tracer tracer = provider.get("test");
      Span server = tracer.spanBuilder("GET /a").setSpanKind(SpanKind.SERVER).startSpan();
      Span other = tracer.spanBuilder("GET /b").setSpanKind(SpanKind.SERVER).startSpan();
      for (int i = 0; i < RecentClientCalls.PER_REQUEST + 5; i++) {
        tracer.spanBuilder("SELECT " + i).setSpanKind(SpanKind.CLIENT).setParent(Context.root().with(server))
            .setAttribute("db.system.name", "h2").startSpan().end();
      }
      // not a database call, and a call of another request
      tracer.spanBuilder("GET remote").setSpanKind(SpanKind.CLIENT).setParent(Context.root().with(server)).startSpan().end();
      tracer.spanBuilder("SELECT other").setSpanKind(SpanKind.CLIENT).setParent(Context.root().with(other))
          .setAttribute("db.system.name", "h2").startSpan().end();

      assertThat(calls.of(server.getSpanContext())).extracting(ReadableSpan::getName)
          .hasSize(RecentClientCalls.PER_REQUEST).startsWith("SELECT 5").endsWith("SELECT 24");
      assertThat(calls.of(other.getSpanContext())).extracting(ReadableSpan::getName).containsExactly("SELECT other");
      server.end();
      other.end();
      assertThat(calls.of(server.getSpanContext())).isEmpty();
      assertThat(calls.openRequests()).isZero();
    }
  }
}
