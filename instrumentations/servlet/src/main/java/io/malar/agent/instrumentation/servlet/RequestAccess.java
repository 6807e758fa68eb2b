package io.malar.agent.instrumentation.servlet;

import io.malar.agent.bridge.ServletAccessor;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;

/** A servlet API's accessor, and the header getter the propagator reads incoming context with. */
final class RequestAccess implements TextMapGetter<Object> {
  private final Class<?> servletApi;
  private final ServletAccessor accessor;

  RequestAccess(Class<?> servletApi, ServletAccessor accessor) {
    this.servletApi = servletApi;
    this.accessor = accessor;
  }

  Class<?> servletApi() {
    return servletApi;
  }

  ServletAccessor accessor() {
    return accessor;
  }

  @Override
  public Iterable<String> keys(Object request) {
    // W3C trace context and baggage read headers by name; listing them is never needed
    return Collections.emptyList();
  }

  @Override
  public String get(Object request, String key) {
    return request == null ? null : accessor.header(request, key);
  }
}
