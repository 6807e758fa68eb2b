package io.malar.agent.core.telemetry;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The telemetry (SDK, exporters, features) while it is being built on its own thread, so that
 * instrumentation can be active before it exists: the instrumentations get {@link #openTelemetry()}
 * at once, and the first call that starts a span waits until the SDK and every feature are ready.
 * No call is traced by a half-built pipeline, none is dropped; during start-up only, and never
 * beyond {@code waitLimitNanos} after premain started (a telemetry that hangs must not hang the
 * application: calls then go untraced, with one warning, until it is ready).
 */
public final class PendingTelemetry {
  private final CountDownLatch settled = new CountDownLatch(1);
  private final long deadlineNanos;
  private final long waitLimitNanos;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final LateOpenTelemetry facade = new LateOpenTelemetry(this);
  private volatile OpenTelemetry current;
  /** When the first call began to wait ({@link System#nanoTime()}), 0 while none has. */
  private final AtomicLong firstWaitNanos = new AtomicLong();
  private volatile long readyNanos;

  /** @param startNanos when premain started ({@link System#nanoTime()}) */
  public PendingTelemetry(long startNanos, long waitLimitNanos) {
    this.deadlineNanos = startNanos + waitLimitNanos;
    this.waitLimitNanos = waitLimitNanos;
  }

  /** What instrumentations use: it delegates to the SDK once it is ready. */
  public OpenTelemetry openTelemetry() {
    return facade;
  }

  /** The SDK is built and every feature started: calls stop waiting. */
  public void ready(OpenTelemetry sdk) {
    readyNanos = System.nanoTime();
    current = sdk;
    settled.countDown();
  }

  /** The telemetry could not be built: calls stop waiting and go untraced. */
  public void failed() {
    ready(OpenTelemetry.noop());
  }

  /** How long the first call that waited for the telemetry waited: 0 when none did. */
  public long firstCallWaitedNanos() {
    long since = firstWaitNanos.get();
    long until = readyNanos;
    return since == 0 || until == 0 ? 0 : Math.max(0, until - since);
  }

  /** Whether {@code sdk}, returned by {@link #await()}, is for good (not a stand-in). */
  boolean isSettledAs(OpenTelemetry sdk) {
    return sdk == current;
  }

  /** The SDK, waiting for it during start-up; a no-op when it is not there in time. */
  OpenTelemetry await() {
    OpenTelemetry ready = current;
    if (ready != null) {
      return ready;
    }
    long now = System.nanoTime();
    firstWaitNanos.compareAndSet(0, now);
    long left = deadlineNanos - now;
    try {
      if (left > 0 && settled.await(left, TimeUnit.NANOSECONDS)) {
        return current;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the application's interrupt is kept for it
    }
    if (warned.compareAndSet(false, true)) {
      AgentLog.warn(
          "telemetry is still starting; calls go untraced until it is ready",
          "waited_ms", TimeUnit.NANOSECONDS.toMillis(waitLimitNanos));
    }
    return OpenTelemetry.noop();
  }
}
