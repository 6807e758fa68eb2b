package io.malar.agent.core.instrument;

import io.malar.agent.bridge.AdviceErrors;

/**
 * For advice tests: the parent of a loader that loads a library again, away from the application
 * class loader (which holds the agent in a test, and which the installer leaves alone). It sees the
 * platform's classes and the bridge, as every class loader does under the agent.
 */
public final class BridgeOnlyLoader extends ClassLoader {
  public BridgeOnlyLoader() {
    super("bridge-only", ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("io.malar.agent.bridge.")) {
      return AdviceErrors.class.getClassLoader().loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
