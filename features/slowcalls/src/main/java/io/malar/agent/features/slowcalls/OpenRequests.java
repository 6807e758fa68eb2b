package io.malar.agent.features.slowcalls;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The requests being served, by their server span's id: a client span finds its request through
 * its parent span id. Bounded: a request that never ends cannot make the table grow, and once it
 * is full, requests open for longer than {@link #STALE_NANOS} make room for new ones; until then
 * new requests go untracked (no breakdown, no N+1 count).
 */
final class OpenRequests {
  private static final int MAX_OPEN = 10_000;
  private static final long STALE_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** A full table is swept at most this often, so requests do not each pay for a sweep. */
  private static final long SWEEP_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final ConcurrentHashMap<String, RequestStats> bySpanId = new ConcurrentHashMap<>();
  private volatile long lastSweepNanos;

  OpenRequests(long nowNanos) {
    lastSweepNanos = nowNanos;
  }

  void opened(ReadableSpan serverSpan, long nowNanos) {
    if (bySpanId.size() >= MAX_OPEN) {
      if (nowNanos - lastSweepNanos < SWEEP_INTERVAL_NANOS) {
        return;
      }
      lastSweepNanos = nowNanos;
      dropStale(nowNanos);
      if (bySpanId.size() >= MAX_OPEN) {
        return;
      }
    }
    bySpanId.put(serverSpan.getSpanContext().getSpanId(), new RequestStats(serverSpan, nowNanos));
  }

  /** The request a span is a direct child of, or null. */
  RequestStats parentOf(ReadableSpan span) {
    SpanContext parent = span.getParentSpanContext();
    if (!parent.isValid() || parent.isRemote()) {
      return null;
    }
    return bySpanId.get(parent.getSpanId());
  }

  /** Forgets the request; returns what it did, or null when it was not tracked. */
  RequestStats closed(ReadableSpan serverSpan) {
    return bySpanId.remove(serverSpan.getSpanContext().getSpanId());
  }

  int size() {
    return bySpanId.size();
  }

  private void dropStale(long nowNanos) {
    for (Iterator<RequestStats> it = bySpanId.values().iterator(); it.hasNext(); ) {
      if (nowNanos - it.next().startedNanos() > STALE_NANOS) {
        it.remove();
      }
    }
  }
}
