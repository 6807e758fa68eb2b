package io.malar.agent.core.instrument;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines an instrumentation's helper classes next to the library they serve.
 *
 * <p>Some helpers must be compiled against the library (an {@code AsyncListener} for the servlet
 * API, say), yet the core cannot see the application's classes. Such a helper is defined here, in
 * a small loader whose parent is the library's class loader; it implements a bridge interface so
 * the core calls it through JDK types only. Nothing is injected into the application's loaders.
 */
public final class HelperClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ClassLoader agentLoader;
  private final String helperPackage;

  private HelperClassLoader(ClassLoader libraryLoader, ClassLoader agentLoader, String helperPackage) {
    super("malar-agent-helpers", libraryLoader);
    this.agentLoader = agentLoader;
    this.helperPackage = helperPackage;
  }

  /**
   * Creates {@code helperClassName} (with a public no-argument constructor) in a new loader whose
   * parent is {@code libraryLoader}. Classes whose names start with {@code helperPackage} come from
   * the agent jar; everything else resolves through the library's loader.
   */
  public static <T> T create(
      ClassLoader libraryLoader, String helperPackage, String helperClassName, Class<T> bridgeType)
      throws ReflectiveOperationException {
    // the helpers' bytes come from the loader that holds the agent's own classes
    HelperClassLoader loader =
        new HelperClassLoader(libraryLoader, HelperClassLoader.class.getClassLoader(), helperPackage);
    return bridgeType.cast(loader.loadClass(helperClassName).getConstructor().newInstance());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(helperPackage)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = defineHelper(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> defineHelper(String name) throws ClassNotFoundException {
    try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
