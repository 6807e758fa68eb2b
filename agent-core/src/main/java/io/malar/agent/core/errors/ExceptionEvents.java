package io.malar.agent.core.errors;

import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_MESSAGE;
import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_STACKTRACE;
import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_TYPE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;

/**
 * Records an exception on a span as the OpenTelemetry {@code exception} event, with every message
 * (the exception's, its causes', and those in the stack trace) stripped of literals: drivers echo
 * the failing statement and its values, and wrappers repeat their cause's message.
 */
public final class ExceptionEvents {
  private static final int MAX_CAUSES = 16;
  private static final int MAX_FRAMES = 64;

  private ExceptionEvents() {}

  public static void record(Span span, Throwable thrown) {
    AttributesBuilder attributes =
        Attributes.builder().put(EXCEPTION_TYPE, thrown.getClass().getName()).put(EXCEPTION_STACKTRACE, stackTrace(thrown));
    String message = SqlLiterals.scrub(thrown.getMessage());
    if (message != null) {
      attributes.put(EXCEPTION_MESSAGE, message);
    }
    span.addEvent("exception", attributes.build());
  }

  /** Like {@link Throwable#printStackTrace()}, with scrubbed messages and bounded length. */
  static String stackTrace(Throwable thrown) {
    StringBuilder trace = new StringBuilder(1024);
    Throwable current = thrown;
    for (int cause = 0; current != null && cause < MAX_CAUSES; cause++, current = current.getCause()) {
      if (cause > 0) {
        trace.append("Caused by: ");
      }
      trace.append(current.getClass().getName());
      String message = SqlLiterals.scrub(current.getMessage());
      if (message != null) {
        trace.append(": ").append(message);
      }
      trace.append('\n');
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        trace.append("\tat ").append(frames[i]).append('\n');
      }
      if (frames.length > MAX_FRAMES) {
        trace.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return trace.toString();
  }
}
