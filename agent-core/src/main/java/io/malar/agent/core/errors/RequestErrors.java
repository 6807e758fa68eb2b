package io.malar.agent.core.errors;

import io.malar.agent.bridge.AdviceErrors;
import io.opentelemetry.api.trace.Span;

/**
 * Where server instrumentations report a request that threw or answered with an error status,
 * with the original Throwable and its cause chain (a span only keeps the exception as strings).
 * Called on the thread that ended the request, before the server span ends, so a listener may
 * still add attributes to the span.
 */
public final class RequestErrors {
  private static volatile Listener listener;

  private RequestErrors() {}

  /** Receives failed requests; at most one, set by the feature that reports errors. */
  public interface Listener {
    /**
     * @param status the response status (500 when an exception escaped without one), or 0
     * @param thrown the exception that escaped request handling (or that the container recorded
     *     for the error status), or null
     */
    void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown);
  }

  public static void setListener(Listener newListener) {
    listener = newListener;
  }

  /** Never throws: a listener's error is counted and logged like an advice error. */
  public static void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown) {
    Listener current = listener;
    if (current == null) {
      return;
    }
    try {
      current.requestFailed(serverSpan, request, status, thrown);
    } catch (Throwable error) {
      AdviceErrors.record(error);
    }
  }
}
