package io.malar.agent.bridge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where advice code sends every Throwable it suppresses: counted here, reported by the core.
 *
 * <p>Byte Buddy's exception handler for all advice calls {@link #record(Throwable)}, so an agent
 * error never reaches the application but never goes unnoticed either.
 */
public final class AdviceErrors {
  private static final AtomicLong COUNT = new AtomicLong();
  private static volatile Listener listener;

  private AdviceErrors() {}

  /** Receives suppressed advice errors; the core's implementation logs them. */
  public interface Listener {
    void onAdviceError(Throwable error);
  }

  public static void record(Throwable error) {
    COUNT.incrementAndGet();
    Listener current = listener;
    if (current != null) {
      try {
        current.onAdviceError(error);
      } catch (Throwable ignored) {
        // reporting must not fail the application either
      }
    }
  }

  public static long count() {
    return COUNT.get();
  }

  public static void setListener(Listener newListener) {
    listener = newListener;
  }
}
