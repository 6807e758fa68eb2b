package io.malar.agent.instrumentation.servlet;

import static io.opentelemetry.semconv.ClientAttributes.CLIENT_ADDRESS;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;
import static io.opentelemetry.semconv.UrlAttributes.URL_SCHEME;
import static io.opentelemetry.semconv.UserAgentAttributes.USER_AGENT_ORIGINAL;

import io.malar.agent.bridge.ServletAccessor;
import io.malar.agent.bridge.ServletHook;
import io.malar.agent.core.context.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Starts one SERVER span per request at the outermost servlet or filter; the span is remembered in
 * a request attribute, so inner filters, forwards and async dispatches add nothing.
 */
final class ServletTracingHook implements ServletHook {
  static final String CALL_ATTRIBUTE = "io.malar.agent.servlet.call";

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final ServletAccessors accessors = new ServletAccessors();
  private final SpanNames spanNames = new SpanNames();

  ServletTracingHook(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public Object enter(Class<?> servletApi, Object request, Object response) {
    RequestAccess access = accessors.forApi(servletApi);
    ServletAccessor accessor = access.accessor();
    if (!accessor.isHttp(request) || accessor.attribute(request, CALL_ATTRIBUTE) != null) {
      return null;
    }
    Context parent = propagator.extract(Context.current(), request, access);
    String method = HttpMethods.known(accessor.method(request));
    // on Servlet 4+ the target servlet's mapping is known even in the outermost filter, so the
    // route is there for samplers and for what is recorded while the request runs
    String route = accessor.route(request);
    SpanBuilder span =
        tracer
            .spanBuilder(spanNames.of(method, route))
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(HTTP_REQUEST_METHOD, method)
            .setAttribute(URL_SCHEME, accessor.scheme(request))
            .setAttribute(URL_PATH, UrlParts.pathWithoutParameters(accessor.requestUri(request)))
            .setAttribute(SERVER_ADDRESS, accessor.serverName(request))
            .setAttribute(SERVER_PORT, (long) accessor.serverPort(request))
            .setAttribute(CLIENT_ADDRESS, accessor.remoteAddress(request))
            .setAttribute(NETWORK_PROTOCOL_VERSION, UrlParts.protocolVersion(accessor.protocol(request)));
    if (route != null) {
      span.setAttribute(HTTP_ROUTE, route);
    }
    if (method.equals(HttpMethods.OTHER)) {
      span.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, accessor.method(request));
    }
    String query = accessor.queryString(request);
    if (query != null) {
      span.setAttribute(URL_QUERY, UrlParts.redactQuery(query));
    }
    String userAgent = accessor.header(request, "User-Agent");
    if (userAgent != null) {
      span.setAttribute(USER_AGENT_ORIGINAL, userAgent);
    }
    Span started = span.startSpan();
    ServerCall call = new ServerCall(started, accessor, request, method, route, spanNames);
    // the request's id travels with its context, for the application's log lines
    call.enter(RequestIds.with(parent, accessor.header(request, RequestIds.HEADER)));
    accessor.setAttribute(request, CALL_ATTRIBUTE, call);
    return call;
  }

  @Override
  public void exit(Object token, Object request, Object response, Throwable thrown) {
    ServerCall call = (ServerCall) token;
    call.leave();
    if (thrown == null && call.accessor().isAsyncStarted(request)) {
      call.accessor().onAsyncEnd(request, call);
    } else {
      call.end(response, thrown);
    }
  }
}
