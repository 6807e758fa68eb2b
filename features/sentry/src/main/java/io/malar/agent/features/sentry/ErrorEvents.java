package io.malar.agent.features.sentry;

import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.malar.agent.core.errors.FailedRequest;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SpanId;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the Sentry event for a failed request: what failed, the request, the trace, the calls. */
final class ErrorEvents {
  static final String MECHANISM = "malar-agent.servlet";

  private final SafeHeaders headers;
  private final boolean sendDefaultPii;

  ErrorEvents(SafeHeaders headers, boolean sendDefaultPii) {
    this.headers = headers;
    this.sendDefaultPii = sendDefaultPii;
  }

  SentryEvent build(
      SpanContext serverSpan, FailedRequest request, int status, Throwable thrown, String category, List<ReadableSpan> calls) {
    SentryEvent event;
    String endpoint = request.method() + " " + (request.route() != null ? request.route() : "");
    if (thrown != null) {
      Mechanism mechanism = new Mechanism();
      mechanism.setType(MECHANISM);
      mechanism.setHandled(false);
      // the thread that ended the request: the one that threw, or the one completing it
      event = new SentryEvent(new ExceptionMechanismException(mechanism, thrown, Thread.currentThread()));
    } else {
      event = new SentryEvent();
      Message message = new Message();
      message.setFormatted("HTTP " + status + " " + endpoint.trim());
      event.setMessage(message);
    }
    event.setLevel(SentryLevel.ERROR);
    event.setTransaction(endpoint.trim());
    event.setRequest(request(request));
    if (sendDefaultPii) {
      User user = new User();
      user.setIpAddress(request.clientAddress());
      user.setUsername(request.remoteUser());
      event.setUser(user);
    }
    if (request.route() != null) {
      event.setTag("http.route", request.route());
    }
    event.setTag("http.request.method", request.method());
    event.setTag("error.category", category);
    if (status > 0) {
      event.setTag("http.response.status_code", Integer.toString(status));
    }
    io.sentry.SpanContext trace =
        new io.sentry.SpanContext(
            new SentryId(serverSpan.getTraceId()), new SpanId(serverSpan.getSpanId()), "http.server", null, null);
    event.getContexts().setTrace(trace);
    event.setBreadcrumbs(breadcrumbs(calls));
    return event;
  }

  private Request request(FailedRequest failed) {
    Request request = new Request();
    request.setMethod(failed.method());
    request.setUrl(failed.url());
    request.setQueryString(failed.query());
    request.setHeaders(headers.of(failed));
    if (sendDefaultPii && failed.clientAddress() != null) {
      request.setEnvs(Collections.singletonMap("REMOTE_ADDR", failed.clientAddress()));
    }
    return request;
  }

  /** The request's recent database and Redis calls: sanitized statement, duration, outcome. */
  private static List<Breadcrumb> breadcrumbs(List<ReadableSpan> calls) {
    List<Breadcrumb> breadcrumbs = new ArrayList<>(calls.size());
    for (ReadableSpan call : calls) {
      long startMillis = TimeUnit.NANOSECONDS.toMillis(call.toSpanData().getStartEpochNanos());
      Breadcrumb breadcrumb = new Breadcrumb(startMillis);
      String system = call.getAttribute(DB_SYSTEM_NAME);
      String query = call.getAttribute(DB_QUERY_TEXT);
      String errorType = call.getAttribute(ERROR_TYPE);
      breadcrumb.setType("query");
      breadcrumb.setCategory("redis".equals(system) ? "db.redis" : "db.sql.query");
      breadcrumb.setMessage(query != null ? query : call.getName());
      breadcrumb.setData("name", call.getName());
      breadcrumb.setData("db.system.name", system);
      breadcrumb.setData("duration_ms", call.getLatencyNanos() / 1_000_000.0);
      breadcrumb.setData("status", errorType == null ? "ok" : "error");
      if (errorType != null) {
        breadcrumb.setData("error.type", errorType);
        breadcrumb.setLevel(SentryLevel.ERROR);
      } else {
        breadcrumb.setLevel(SentryLevel.INFO);
      }
      breadcrumbs.add(breadcrumb);
    }
    return breadcrumbs;
  }
}
