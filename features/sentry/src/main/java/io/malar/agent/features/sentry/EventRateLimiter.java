package io.malar.agent.features.sentry;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perWindow} events per error key per window, so a storm of one error costs one
 * window's worth of events. Keys are bounded: when the table is full, expired windows are dropped
 * and new keys beyond it share one window.
 */
final class EventRateLimiter {
  private static final int MAX_KEYS = 1024;
  private static final String OVERFLOW = "";

  private final int perWindow;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  EventRateLimiter(int perWindow, long windowNanos, LongSupplier nanoClock) {
    this.perWindow = perWindow;
    this.windowNanos = windowNanos;
    this.nanoClock = nanoClock;
  }

  boolean tryAcquire(String key) {
    long now = nanoClock.getAsLong();
    Window window = windows.get(key);
    if (window == null) {
      String tableKey = key;
      if (windows.size() >= MAX_KEYS && !dropExpired(now)) {
        tableKey = OVERFLOW;
      }
      Window created = new Window(now);
      window = windows.putIfAbsent(tableKey, created);
      if (window == null) {
        window = created;
      }
    }
    return window.tryAcquire(now, perWindow, windowNanos);
  }

  private boolean dropExpired(long now) {
    boolean dropped = false;
    for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
      if (it.next().expired(now, windowNanos)) {
        it.remove();
        dropped = true;
      }
    }
    return dropped;
  }

  /** One key's current window. */
  private static final class Window {
    private long startNanos;
    private int used;

    Window(long startNanos) {
      this.startNanos = startNanos;
    }

    synchronized boolean tryAcquire(long now, int perWindow, long windowNanos) {
      if (now - startNanos >= windowNanos) {
        startNanos = now;
        used = 0;
      }
      if (used >= perWindow) {
        return false;
      }
      used++;
      return true;
    }

    synchronized boolean expired(long now, long windowNanos) {
      return now - startNanos >= windowNanos;
    }
  }
}
