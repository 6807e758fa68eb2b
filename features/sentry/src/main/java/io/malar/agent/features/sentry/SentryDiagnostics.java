package io.malar.agent.features.sentry;

import io.malar.agent.core.log.AgentLog;
import io.sentry.ILogger;
import io.sentry.SentryLevel;
import java.util.IllegalFormatException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Sentry SDK's warnings (Sentry unreachable, slow, answering 429 or 5xx, queue full) as at
 * most one agent log line per minute, with how many were held back: a Sentry outage must not
 * flood the log.
 */
final class SentryDiagnostics implements ILogger {
  private final IntervalGate gate = new IntervalGate(TimeUnit.MINUTES.toNanos(1), System.nanoTime());
  private final AtomicLong heldBack = new AtomicLong();

  @Override
  public void log(SentryLevel level, String message, Object... args) {
    write(level, message, args, null);
  }

  @Override
  public void log(SentryLevel level, String message, Throwable throwable) {
    write(level, message, null, throwable);
  }

  @Override
  public void log(SentryLevel level, Throwable throwable, String message, Object... args) {
    write(level, message, args, throwable);
  }

  @Override
  public boolean isEnabled(SentryLevel level) {
    return level != null && level.ordinal() >= SentryLevel.WARNING.ordinal();
  }

  private void write(SentryLevel level, String message, Object[] args, Throwable throwable) {
    if (!isEnabled(level)) {
      return;
    }
    if (!gate.tryOpen(System.nanoTime())) {
      heldBack.incrementAndGet();
      return;
    }
    AgentLog.warn(
        "sentry: " + format(message, args),
        "sentry_level", String.valueOf(level),
        "error", throwable == null ? null : String.valueOf(throwable),
        "similar_lines_held_back", heldBack.getAndSet(0));
  }

  private static String format(String message, Object[] args) {
    if (args == null || args.length == 0) {
      return message;
    }
    try {
      return String.format(message, args);
    } catch (IllegalFormatException e) {
      return message;
    }
  }
}
