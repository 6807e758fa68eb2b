package io.malar.agent.instrumentation.servlet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server span names ({@code GET /api/v1/farmers/*}), made once per method and route rather than
 * concatenated per request. Routes are the application's mappings and templates, so the names are
 * few; past {@link #MAX_CACHED} (a Servlet 3 default servlet's route is the whole path) names are
 * made per request as before, so the cache cannot grow without bound.
 */
final class SpanNames {
  static final int MAX_CACHED = 1000;

  private final Map<String, Map<String, String>> byMethod = new ConcurrentHashMap<>();
  private final AtomicInteger cached = new AtomicInteger();

  /** @param method a name from {@link HttpMethods#known}; @param route null when unknown */
  String of(String method, String route) {
    if (route == null) {
      return method;
    }
    Map<String, String> names = byMethod.computeIfAbsent(method, m -> new ConcurrentHashMap<>());
    String name = names.get(route);
    if (name != null) {
      return name;
    }
    name = method + " " + route;
    if (cached.get() < MAX_CACHED && names.putIfAbsent(route, name) == null) {
      cached.incrementAndGet(); // threads racing past the cap add at most one name each
    }
    return name;
  }
}
