package io.malar.agent.instrumentation.servlet;

import io.malar.agent.bridge.ServletAccessor;
import io.malar.agent.core.instrument.HelperClassLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link ServletAccessor} per servlet API class the application uses, created on first sight
 * next to that API. Almost every application has exactly one, so the last one is kept in a field
 * and found without locking.
 */
final class ServletAccessors {
  private static final String HELPER_PACKAGE = "io.malar.agent.instrumentation.servlet.";

  private volatile RequestAccess last;
  // Keyed by the API class; the servlet API's loader lives as long as the container does.
  private final Map<Class<?>, RequestAccess> byApi = new HashMap<>();

  RequestAccess forApi(Class<?> servletApi) {
    RequestAccess cached = last;
    if (cached != null && cached.servletApi() == servletApi) {
      return cached;
    }
    synchronized (byApi) {
      RequestAccess access = byApi.get(servletApi);
      if (access == null) {
        access = new RequestAccess(servletApi, create(servletApi));
        byApi.put(servletApi, access);
      }
      last = access;
      return access;
    }
  }

  private static ServletAccessor create(Class<?> servletApi) {
    String family = servletApi.getName().startsWith("jakarta.") ? "jakarta.Jakarta" : "javax.Javax";
    try {
      return HelperClassLoader.create(
          servletApi.getClassLoader(), HELPER_PACKAGE, HELPER_PACKAGE + family + "ServletAccessor", ServletAccessor.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the servlet helper for " + servletApi.getName(), e);
    }
  }
}
