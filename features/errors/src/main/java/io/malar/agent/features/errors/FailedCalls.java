package io.malar.agent.features.errors;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.malar.agent.core.errors.CallsByRequest;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The last failed database or Redis call of each request being served: what categorizes a 5xx that no exception explains. */
final class FailedCalls extends CallsByRequest<AtomicReference<ReadableSpan>> {
  @Override
  protected AtomicReference<ReadableSpan> newRequest() {
    return new AtomicReference<>();
  }

  @Override
  protected void callEnded(AtomicReference<ReadableSpan> lastFailed, ReadableSpan call) {
    if (call.getAttribute(ERROR_TYPE) != null) {
      lastFailed.set(call);
    }
  }

  /** The request's last failed call as a list of at most one, as the categorizer reads calls. */
  List<ReadableSpan> of(SpanContext serverSpan) {
    AtomicReference<ReadableSpan> lastFailed = request(serverSpan);
    ReadableSpan call = lastFailed == null ? null : lastFailed.get();
    return call == null ? Collections.<ReadableSpan>emptyList() : Collections.singletonList(call);
  }
}
