package io.malar.agent.instrumentation.servlet;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;

import io.malar.agent.core.errors.ExceptionEvents;
import io.malar.agent.bridge.ServletAccessor;
import io.malar.agent.core.errors.FailedRequest;
import io.malar.agent.core.errors.RequestErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/** One request being served: its span, until the response is complete (possibly asynchronously). */
final class ServerCall implements ServletAccessor.AsyncCompletion, FailedRequest {
  /** The request in progress, in the context its thread runs in: where a framework's route goes. */
  static final ContextKey<ServerCall> KEY = ContextKey.named("malar-server-call");

  private final Span span;
  private Scope scope;
  private final ServletAccessor accessor;
  private final Object request;
  private final String method;
  private final SpanNames spanNames;
  private String route;
  /** The route the span is named after and carries already; null until there is one. */
  private String namedRoute;
  private boolean ended;

  /** @param route the route known when the request entered, or null to read it on leaving */
  ServerCall(Span span, ServletAccessor accessor, Object request, String method, String route, SpanNames spanNames) {
    this.span = span;
    this.accessor = accessor;
    this.request = request;
    this.method = method;
    this.spanNames = spanNames;
    this.route = route;
    this.namedRoute = route;
  }

  ServletAccessor accessor() {
    return accessor;
  }

  /** The request enters: its span and this call become current on the entering thread. */
  void enter(Context parent) {
    scope = parent.with(span).with(KEY, this).makeCurrent();
  }

  /**
   * A framework routed the request to a template: it replaces the servlet mapping as the route, on
   * the span now (what is recorded while the request runs sees it) and for what reads it at the end.
   */
  synchronized void routed(String frameworkRoute) {
    if (ended) {
      return;
    }
    route = frameworkRoute;
    nameAfterRoute();
  }

  /** The request leaves the outermost servlet or filter on the thread that entered it. */
  synchronized void leave() {
    scope.close();
    if (route == null) {
      route = accessor.route(request);
    }
  }

  @Override
  public void asyncEnded(Object response, Throwable error) {
    end(response, error);
  }

  synchronized void end(Object response, Throwable escaped) {
    if (ended) {
      return;
    }
    ended = true;
    int status = accessor.status(response);
    Throwable thrown = escaped == null && status >= 500 ? errorFromContainer() : escaped;
    if (thrown != null) {
      ExceptionEvents.record(span, thrown);
      span.setAttribute(ERROR_TYPE, thrown.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      // the container turns an escaping exception into a 500 once we have returned
      status = status >= 400 ? status : 500;
    } else if (status >= 500) {
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (route != null && !route.equals(namedRoute)) {
      nameAfterRoute();
    }
    if (thrown != null || status >= 400) {
      RequestErrors.requestFailed(span, this, status, thrown);
    }
    span.end();
  }

  private void nameAfterRoute() {
    span.setAttribute(HTTP_ROUTE, route);
    span.updateName(spanNames.of(method, route));
    namedRoute = route;
  }

  /**
   * The exception behind an error status that no advice saw thrown: one thrown in an async dispatch
   * may reach no listener (Jetty 12); the container then answers 500 and keeps it in the request
   * attribute the servlet spec names for error pages.
   */
  private Throwable errorFromContainer() {
    Object error = accessor.attribute(request, "jakarta.servlet.error.exception");
    if (error == null) {
      error = accessor.attribute(request, "javax.servlet.error.exception");
    }
    return error instanceof Throwable ? (Throwable) error : null;
  }

  // FailedRequest: read only for failed requests, while the request is still in service

  @Override
  public String method() {
    return method;
  }

  @Override
  public String route() {
    return route;
  }

  @Override
  public String url() {
    return accessor.scheme(request) + "://" + accessor.serverName(request) + ":" + accessor.serverPort(request)
        + UrlParts.pathWithoutParameters(accessor.requestUri(request));
  }

  @Override
  public String query() {
    String query = accessor.queryString(request);
    return query == null ? null : UrlParts.redactQuery(query);
  }

  @Override
  public String header(String name) {
    return accessor.header(request, name);
  }

  @Override
  public String clientAddress() {
    return accessor.remoteAddress(request);
  }

  @Override
  public String remoteUser() {
    return accessor.remoteUser(request);
  }
}
