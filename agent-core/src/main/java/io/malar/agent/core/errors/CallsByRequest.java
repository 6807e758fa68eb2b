package io.malar.agent.core.errors;

import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a feature keeps of the JDBC and Redis calls of each request being served, for when the
 * request fails. A client span finds its request through its parent span id; the request's state
 * is dropped when its server span ends. Bounded: beyond {@link #MAX_OPEN_REQUESTS} requests in
 * flight, new ones go without.
 *
 * @param <T> the state of one request
 */
public abstract class CallsByRequest<T> implements SpanProcessor {
  private static final int MAX_OPEN_REQUESTS = 10_000;

  private final ConcurrentHashMap<String, T> byServerSpanId = new ConcurrentHashMap<>();

  /** The state of a request that starts. */
  protected abstract T newRequest();

  /** A database or Redis call of the request ended. */
  protected abstract void callEnded(T request, ReadableSpan call);

  @Override
  public final void onStart(Context parentContext, ReadWriteSpan span) {
    if (span.getKind() == SpanKind.SERVER && byServerSpanId.size() < MAX_OPEN_REQUESTS) {
      byServerSpanId.put(span.getSpanContext().getSpanId(), newRequest());
    }
  }

  @Override
  public final boolean isStartRequired() {
    return true;
  }

  @Override
  public final void onEnd(ReadableSpan span) {
    if (span.getKind() == SpanKind.SERVER) {
      byServerSpanId.remove(span.getSpanContext().getSpanId());
    } else if (span.getKind() == SpanKind.CLIENT && span.getAttribute(DB_SYSTEM_NAME) != null) {
      SpanContext parent = span.getParentSpanContext();
      if (parent.isValid() && !parent.isRemote()) {
        T request = byServerSpanId.get(parent.getSpanId());
        if (request != null) {
          callEnded(request, span);
        }
      }
    }
  }

  @Override
  public final boolean isEndRequired() {
    return true;
  }

  /** The state of the request whose server span this is, or null once it ended (or beyond the bound). */
  protected final T request(SpanContext serverSpan) {
    return byServerSpanId.get(serverSpan.getSpanId());
  }

  public final int openRequests() {
    return byServerSpanId.size();
  }
}
