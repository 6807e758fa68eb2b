package io.malar.agent.features.logcorrelation;

import io.malar.agent.bridge.LogCorrelationBridge;
import io.malar.agent.bridge.LogCorrelationHook;
import io.malar.agent.core.context.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/** The ids of the span current on the calling thread, for the log event being made there. */
final class CurrentIds implements LogCorrelationHook {
  static final String SPAN_ID = "span_id";
  static final String TRACE_FLAGS = "trace_flags";
  static final String REQUEST_ID = "request_id";

  @Override
  public Map<String, String> currentIds() {
    Context context = Context.current();
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    Map<String, String> ids = new HashMap<>(8);
    ids.put(LogCorrelationBridge.TRACE_ID, span.getTraceId());
    ids.put(SPAN_ID, span.getSpanId());
    ids.put(TRACE_FLAGS, span.getTraceFlags().asHex());
    String requestId = RequestIds.of(context);
    if (requestId != null) {
      ids.put(REQUEST_ID, requestId);
    }
    return ids;
  }
}
