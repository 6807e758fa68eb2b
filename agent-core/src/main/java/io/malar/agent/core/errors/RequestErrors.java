package io.malar.agent.core.errors;

import io.malar.agent.bridge.AdviceErrors;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where server instrumentations report a request that threw or answered with an error status,
 * with the original Throwable and its cause chain (a span only keeps the exception as strings).
 * Called on the thread that ended the request, before the server span ends, so a listener may
 * still add attributes to the span.
 */
public final class RequestErrors {
  private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

  private RequestErrors() {}

  /** Receives failed requests; one per feature that reports errors (Sentry, the error counter). */
  public interface Listener {
    /**
     * @param status the response status (500 when an exception escaped without one), or 0
     * @param thrown the exception that escaped request handling (or that the container recorded
     *     for the error status), or null
     */
    void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown);
  }

  public static void addListener(Listener listener) {
    LISTENERS.add(listener);
  }

  /** Never throws: a listener's error is counted and logged like an advice error, and the next listener still runs. */
  public static void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown) {
    for (Listener listener : LISTENERS) {
      try {
        listener.requestFailed(serverSpan, request, status, thrown);
      } catch (Throwable error) {
        AdviceErrors.record(error);
      }
    }
  }
}
