package io.malar.agent.features.slowcalls;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most one warning per fingerprint per interval, so a storm of slow calls cannot flood the
 * log; the next line that passes says how many were held back. Fingerprints are bounded: when
 * the table is full, expired ones are dropped, and new ones beyond it share one window.
 */
final class WarningRateLimiter {
  /** What {@link #acquire} returns when the line must be suppressed. */
  static final long SUPPRESSED = -1;

  private static final int MAX_FINGERPRINTS = 4096;
  private static final String OVERFLOW = "";

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  WarningRateLimiter(long intervalNanos, LongSupplier nanoClock) {
    this.intervalNanos = intervalNanos;
    this.nanoClock = nanoClock;
  }

  /**
   * Whether a line for {@code fingerprint} may be written now: {@link #SUPPRESSED}, or how many
   * lines for it were suppressed since the last one written.
   */
  long acquire(String fingerprint) {
    long now = nanoClock.getAsLong();
    Window window = windows.get(fingerprint);
    if (window == null) {
      if (windows.size() >= MAX_FINGERPRINTS && !dropExpired(now)) {
        fingerprint = OVERFLOW;
      }
      Window created = new Window(now);
      window = windows.putIfAbsent(fingerprint, created);
      if (window == null) {
        return 0;
      }
    }
    return window.acquire(now, intervalNanos);
  }

  private boolean dropExpired(long now) {
    boolean dropped = false;
    for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
      if (it.next().expired(now, intervalNanos)) {
        it.remove();
        dropped = true;
      }
    }
    return dropped;
  }

  /** One fingerprint's current interval. */
  private static final class Window {
    private long startNanos;
    private long suppressed;

    Window(long startNanos) {
      this.startNanos = startNanos;
    }

    synchronized long acquire(long now, long intervalNanos) {
      if (now - startNanos < intervalNanos) {
        suppressed++;
        return SUPPRESSED;
      }
      long held = suppressed;
      startNanos = now;
      suppressed = 0;
      return held;
    }

    synchronized boolean expired(long now, long intervalNanos) {
      return now - startNanos >= intervalNanos;
    }
  }
}
