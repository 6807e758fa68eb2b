package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.core.log.AgentLog;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Says once per class loader that its Lettuce is not traced, with the version it carries: the
 * version fence keeps the advice out of that loader silently.
 */
final class VersionCheck {
  private final String fenceResource = LettuceInstrumentationModule.VERSION_FENCE.replace('.', '/') + ".class";
  private final Set<ClassLoader> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  void clientLoaded(Class<?> clientClass) {
    ClassLoader loader = clientClass.getClassLoader();
    if (loader == null || !checked.add(loader) || loader.getResource(fenceResource) != null) {
      return;
    }
    Package lettuce = clientClass.getPackage();
    String version = lettuce == null ? null : lettuce.getImplementationVersion();
    AgentLog.warn(
        "Lettuce version not supported: its commands are not traced",
        "instrumentation", LettuceInstrumentationModule.NAME,
        "version", version == null ? "unknown" : version,
        "supported", "6.x, 7.x");
  }
}
