package io.malar.agent.instrumentation.opentelemetryapi;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.bridge.OtelApiFactory;
import io.malar.agent.bridge.OtelApiHook;
import io.malar.agent.core.instrument.HelperClassLoader;
import io.malar.agent.core.log.AgentLog;
import java.util.HashMap;
import java.util.Map;

/**
 * One set of helpers per copy of the OpenTelemetry API, defined next to it: its OpenTelemetry and
 * its context storage share the helper classes, so a context made by one is recognised by the
 * other. A copy the helpers cannot serve is left alone, and said so once.
 */
final class ApplicationApis implements OtelApiHook {
  static final String HELPER_PACKAGE = "io.malar.agent.instrumentation.opentelemetryapi.application.";

  private final AgentOtel agent;
  // keyed by the API's loader, which lives as long as the application does
  private final Map<ClassLoader, ApplicationApi> byLoader = new HashMap<>();
  private volatile ApplicationApi last;
  // creating the helpers touches the API, whose context storage must not ask for them again
  private final ThreadLocal<Boolean> creating = new ThreadLocal<>();

  ApplicationApis(AgentOtel agent) {
    this.agent = agent;
  }

  @Override
  public Object openTelemetry(Class<?> globalType) {
    ApplicationApi api = apiOf(globalType);
    return api == null ? null : api.openTelemetry;
  }

  @Override
  public Object contextStorage(Class<?> storageType) {
    ApplicationApi api = apiOf(storageType);
    return api == null ? null : api.contextStorage;
  }

  private ApplicationApi apiOf(Class<?> apiType) {
    ClassLoader loader = apiType.getClassLoader();
    ApplicationApi cached = last;
    if (cached != null && cached.loader == loader) {
      return cached;
    }
    if (creating.get() != null || loader == null) {
      return null;
    }
    synchronized (byLoader) {
      ApplicationApi api = byLoader.get(loader);
      if (api == null) {
        creating.set(Boolean.TRUE);
        try {
          api = create(loader);
        } finally {
          creating.remove();
        }
        byLoader.put(loader, api);
      }
      last = api;
      return api;
    }
  }

  private ApplicationApi create(ClassLoader loader) {
    try {
      OtelApiFactory factory =
          HelperClassLoader.create(loader, HELPER_PACKAGE, HELPER_PACKAGE + "ApplicationApiFactory", OtelApiFactory.class);
      return new ApplicationApi(loader, factory.openTelemetry(agent), factory.contextStorage(agent));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      AgentLog.warn(
          "the application's OpenTelemetry API is left to itself: its spans and metrics are not exported",
          "loader", String.valueOf(loader), "error", String.valueOf(e));
      return new ApplicationApi(loader, null, null);
    }
  }

  private static final class ApplicationApi {
    final ClassLoader loader;
    final Object openTelemetry;
    final Object contextStorage;

    ApplicationApi(ClassLoader loader, Object openTelemetry, Object contextStorage) {
      this.loader = loader;
      this.openTelemetry = openTelemetry;
      this.contextStorage = contextStorage;
    }
  }
}
