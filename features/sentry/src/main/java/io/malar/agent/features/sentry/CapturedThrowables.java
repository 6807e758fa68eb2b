package io.malar.agent.features.sentry;

import java.lang.ref.WeakReference;

/**
 * The exception objects captured most recently, compared by identity and held weakly, so an
 * exception that passes several instrumented layers is sent once. The application's
 * {@code equals}/{@code hashCode} are never called.
 */
final class CapturedThrowables {
  private final WeakReference<?>[] recent;
  private int next;

  CapturedThrowables(int capacity) {
    recent = new WeakReference<?>[capacity];
  }

  /** Records {@code thrown}; false when this very object was recorded before. */
  synchronized boolean firstSighting(Throwable thrown) {
    for (WeakReference<?> reference : recent) {
      if (reference != null && reference.get() == thrown) {
        return false;
      }
    }
    recent[next] = new WeakReference<>(thrown);
    next = (next + 1) % recent.length;
    return true;
  }
}
