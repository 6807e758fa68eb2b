package io.malar.agent.instrumentation.servlet;

import io.malar.agent.bridge.ServletAccessor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** One request being served: its span, until the response is complete (possibly asynchronously). */
final class ServerCall implements ServletAccessor.AsyncCompletion {
  private final Span span;
  private final Scope scope;
  private final ServletAccessor accessor;
  private final String method;
  private String route;
  private boolean ended;

  ServerCall(Span span, Scope scope, ServletAccessor accessor, String method) {
    this.span = span;
    this.scope = scope;
    this.accessor = accessor;
    this.method = method;
  }

  ServletAccessor accessor() {
    return accessor;
  }

  /** The request leaves the outermost servlet or filter on the thread that entered it. */
  void leave(Object request) {
    scope.close();
    route = accessor.route(request);
  }

  @Override
  public void asyncEnded(Object response, Throwable error) {
    end(response, error);
  }

  synchronized void end(Object response, Throwable thrown) {
    if (ended) {
      return;
    }
    ended = true;
    int status = accessor.status(response);
    if (thrown != null) {
      span.recordException(thrown);
      span.setAttribute("error.type", thrown.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      // the container turns an escaping exception into a 500 once we have returned
      status = status >= 400 ? status : 500;
    } else if (status >= 500) {
      span.setAttribute("error.type", Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    if (status > 0) {
      span.setAttribute("http.response.status_code", (long) status);
    }
    if (route != null) {
      span.setAttribute("http.route", route);
      span.updateName(method + " " + route);
    }
    span.end();
  }
}
