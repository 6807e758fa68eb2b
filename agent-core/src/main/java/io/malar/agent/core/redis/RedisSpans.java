package io.malar.agent.core.redis;

import static io.opentelemetry.semconv.DbAttributes.DB_NAMESPACE;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;

import io.malar.agent.core.errors.ExceptionEvents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The CLIENT spans of every Redis client instrumentation, with the same name and attributes
 * whichever library sent the command: what percentiles, slow-call warnings and breadcrumbs read.
 */
public final class RedisSpans {
  private static final String[] SMALL_INDEXES = new String[16];

  static {
    for (int i = 0; i < SMALL_INDEXES.length; i++) {
      SMALL_INDEXES[i] = Integer.toString(i);
    }
  }

  private RedisSpans() {}

  /** A span named after {@code operation}; its parent is Context.current() unless set otherwise. */
  public static SpanBuilder builder(Tracer tracer, String operation) {
    return tracer
        .spanBuilder(operation)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(DB_SYSTEM_NAME, "redis")
        .setAttribute(DB_OPERATION_NAME, operation);
  }

  /** A command's span: named after the command, its query text one {@code ?} per argument. */
  public static SpanBuilder command(Tracer tracer, String name, int argumentCount) {
    return builder(tracer, name).setAttribute(DB_QUERY_TEXT, RedisCommandText.query(name, argumentCount));
  }

  /** The server the command went to: the host name the client connected with, never a reverse lookup. */
  public static void server(Span span, SocketAddress remote) {
    if (remote instanceof InetSocketAddress) {
      InetSocketAddress server = (InetSocketAddress) remote;
      span.setAttribute(SERVER_ADDRESS, server.getHostString());
      span.setAttribute(SERVER_PORT, (long) server.getPort());
    }
  }

  public static void database(Span span, int index) {
    span.setAttribute(DB_NAMESPACE, index >= 0 && index < SMALL_INDEXES.length ? SMALL_INDEXES[index] : Integer.toString(index));
  }

  /** The command failed: an error reply or a connection problem, with its exception event. */
  public static void failed(Span span, Throwable failure) {
    ExceptionEvents.record(span, failure);
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(ERROR_TYPE, failure.getClass().getName());
  }
}
