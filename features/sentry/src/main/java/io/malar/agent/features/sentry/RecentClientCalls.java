package io.malar.agent.features.sentry;

import io.malar.agent.core.errors.CallsByRequest;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Collections;
import java.util.List;

/**
 * Keeps, for each request being served, its last {@link #PER_REQUEST} JDBC and Redis calls, so an
 * error event can show them as breadcrumbs.
 */
final class RecentClientCalls extends CallsByRequest<CallBuffer> {
  static final int PER_REQUEST = 20;

  @Override
  protected CallBuffer newRequest() {
    return new CallBuffer(PER_REQUEST);
  }

  @Override
  protected void callEnded(CallBuffer request, ReadableSpan call) {
    request.add(call);
  }

  /** The calls made so far by the request whose server span this is, oldest first. */
  List<ReadableSpan> of(SpanContext serverSpan) {
    CallBuffer calls = request(serverSpan);
    return calls == null ? Collections.<ReadableSpan>emptyList() : calls.oldestFirst();
  }
}
