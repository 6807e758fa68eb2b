package io.malar.agent.features.logcorrelation;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.context.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentIdsTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  private final CurrentIds ids = new CurrentIds();
  private final Context inSpan =
      Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())));

  @Test
  void noSpanNoIds() {
    assertThat(ids.currentIds()).isNull();
    try (Scope ignored = RequestIds.with(Context.root(), "r-1").makeCurrent()) {
      assertThat(ids.currentIds()).isNull();
    }
  }

  @Test
  void theCurrentSpansIds() {
    try (Scope ignored = inSpan.makeCurrent()) {
      assertThat(ids.currentIds())
          .isEqualTo(Map.of("trace_id", TRACE_ID, "span_id", SPAN_ID, "trace_flags", "01"));
    }
  }

  @Test
  void theRequestsIdWhenItHadOne() {
    try (Scope ignored = RequestIds.with(inSpan, "  r-1 ").makeCurrent()) {
      assertThat(ids.currentIds()).containsEntry("request_id", "r-1").containsEntry("trace_id", TRACE_ID);
    }
    try (Scope ignored = RequestIds.with(inSpan, "x".repeat(500)).makeCurrent()) {
      assertThat(ids.currentIds().get("request_id")).hasSize(128);
    }
    try (Scope ignored = RequestIds.with(inSpan, " ").makeCurrent()) {
      assertThat(ids.currentIds()).doesNotContainKey("request_id");
    }
  }
}
