package io.malar.agent.features.sentry;

import io.malar.agent.core.errors.ErrorCategory;
import io.malar.agent.core.errors.FailedRequest;
import io.malar.agent.core.errors.RequestErrors;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.sentry.ISentryClient;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns a failed request into a Sentry event, on the thread that ended it: the error category and
 * the event id go on the server span, which is still open. Each exception object is sent once,
 * and a storm of one error is rate-limited. Sending is the SDK's background work: here the event
 * is only built and queued.
 */
final class SentryErrorReporter implements RequestErrors.Listener {
  static final AttributeKey<String> ERROR_CATEGORY = AttributeKey.stringKey("error.category");
  static final AttributeKey<String> SENTRY_EVENT_ID = AttributeKey.stringKey("sentry.event_id");
  private static final int REMEMBERED_EXCEPTIONS = 64;

  private final ISentryClient client;
  private final ErrorEvents events;
  private final RecentClientCalls calls;
  private final EventRateLimiter rateLimiter;
  private final DroppedEvents dropped;
  private final boolean serverErrorEvents;
  private final CapturedThrowables captured = new CapturedThrowables(REMEMBERED_EXCEPTIONS);

  /**
   * A reporter with a Sentry client of its own; the Sentry SDK's classes load only from here, so
   * an agent without a DSN never loads them.
   *
   * @throws IllegalArgumentException when the DSN cannot be read
   */
  static SentryErrorReporter connect(SentryConfig sentry, RecentClientCalls calls, DroppedEvents dropped) {
    return new SentryErrorReporter(
        SentryClients.create(sentry, dropped),
        new ErrorEvents(new SafeHeaders(sentry.headers), sentry.sendDefaultPii),
        calls,
        new EventRateLimiter(sentry.eventsPerMinute, TimeUnit.MINUTES.toNanos(1), System::nanoTime),
        dropped,
        sentry.serverErrorEvents);
  }

  SentryErrorReporter(
      ISentryClient client,
      ErrorEvents events,
      RecentClientCalls calls,
      EventRateLimiter rateLimiter,
      DroppedEvents dropped,
      boolean serverErrorEvents) {
    this.client = client;
    this.events = events;
    this.calls = calls;
    this.rateLimiter = rateLimiter;
    this.dropped = dropped;
    this.serverErrorEvents = serverErrorEvents;
  }

  @Override
  public void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown) {
    List<ReadableSpan> recentCalls = calls.of(serverSpan.getSpanContext());
    String category = ErrorCategory.of(thrown, status, recentCalls);
    serverSpan.setAttribute(ERROR_CATEGORY, category);
    if (thrown == null && (status < 500 || !serverErrorEvents)) {
      return;
    }
    if (thrown != null && !captured.firstSighting(thrown)) {
      return;
    }
    String errorKey = thrown != null ? exceptionKey(thrown) : status + " " + request.method() + " " + request.route();
    if (!rateLimiter.tryAcquire(errorKey)) {
      dropped.rateLimited(errorKey);
      return;
    }
    SentryEvent event = events.build(serverSpan.getSpanContext(), request, status, thrown, category, recentCalls);
    SentryId eventId = client.captureEvent(event, null, null);
    if (!SentryId.EMPTY_ID.equals(eventId)) {
      serverSpan.setAttribute(SENTRY_EVENT_ID, eventId.toString());
    }
  }

  /** One error: the exception type and the frame that threw it. */
  static String exceptionKey(Throwable thrown) {
    StackTraceElement[] frames = thrown.getStackTrace();
    return frames.length == 0 ? thrown.getClass().getName() : thrown.getClass().getName() + " at " + frames[0];
  }
}
