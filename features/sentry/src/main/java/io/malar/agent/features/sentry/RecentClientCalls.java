package io.malar.agent.features.sentry;

import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;

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
 * Keeps, for each request being served, its last {@link #PER_REQUEST} JDBC and Redis calls, so an
 * error event can show them as breadcrumbs. A client span finds its request through its parent
 * span id; the buffer is dropped when the server span ends. Bounded: beyond
 * {@link #MAX_OPEN_REQUESTS} requests in flight, new ones go without breadcrumbs.
 */
final class RecentClientCalls implements SpanProcessor {
  static final int PER_REQUEST = 20;
  private static final int MAX_OPEN_REQUESTS = 10_000;

  private final ConcurrentHashMap<String, CallBuffer> byServerSpanId = new ConcurrentHashMap<>();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    if (span.getKind() == SpanKind.SERVER && byServerSpanId.size() < MAX_OPEN_REQUESTS) {
      byServerSpanId.put(span.getSpanContext().getSpanId(), new CallBuffer(PER_REQUEST));
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getKind() == SpanKind.SERVER) {
      byServerSpanId.remove(span.getSpanContext().getSpanId());
    } else if (span.getKind() == SpanKind.CLIENT && span.getAttribute(DB_SYSTEM_NAME) != null) {
      SpanContext parent = span.getParentSpanContext();
      if (parent.isValid() && !parent.isRemote()) {
        CallBuffer calls = byServerSpanId.get(parent.getSpanId());
        if (calls != null) {
          calls.add(span);
        }
      }
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The calls made so far by the request whose server span this is, oldest first. */
  List<ReadableSpan> of(SpanContext serverSpan) {
    CallBuffer calls = byServerSpanId.get(serverSpan.getSpanId());
    return calls == null ? Collections.<ReadableSpan>emptyList() : calls.oldestFirst();
  }

  int openRequests() {
    return byServerSpanId.size();
  }
}
