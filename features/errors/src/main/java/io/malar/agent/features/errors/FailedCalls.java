package io.malar.agent.features.errors;

import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failed database or Redis call of each request being served: what categorizes a 5xx
 * that no exception explains. A client span finds its request through its parent span id; the
 * entry goes when the server span ends. Bounded: beyond {@link #MAX_OPEN_REQUESTS} requests in
 * flight, new ones are categorized without their calls.
 */
final class FailedCalls implements SpanProcessor {
  private static final int MAX_OPEN_REQUESTS = 10_000;

  /** Per open request: its last failed call, or the request's own span while none failed. */
  private final ConcurrentHashMap<String, ReadableSpan> lastFailedByServerSpanId = new ConcurrentHashMap<>();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    if (span.getKind() == SpanKind.SERVER && lastFailedByServerSpanId.size() < MAX_OPEN_REQUESTS) {
      lastFailedByServerSpanId.put(span.getSpanContext().getSpanId(), span);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getKind() == SpanKind.SERVER) {
      lastFailedByServerSpanId.remove(span.getSpanContext().getSpanId());
    } else if (span.getKind() == SpanKind.CLIENT && span.getAttribute(ERROR_TYPE) != null && span.getAttribute(DB_SYSTEM_NAME) != null) {
      SpanContext parent = span.getParentSpanContext();
      if (parent.isValid() && !parent.isRemote()) {
        lastFailedByServerSpanId.replace(parent.getSpanId(), span);
      }
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The request's last failed call as a list of at most one, as the categorizer reads calls. */
  List<ReadableSpan> of(SpanContext serverSpan) {
    ReadableSpan last = lastFailedByServerSpanId.get(serverSpan.getSpanId());
    return last == null || last.getKind() == SpanKind.SERVER ? Collections.<ReadableSpan>emptyList() : Collections.singletonList(last);
  }

  int openRequests() {
    return lastFailedByServerSpanId.size();
  }
}
