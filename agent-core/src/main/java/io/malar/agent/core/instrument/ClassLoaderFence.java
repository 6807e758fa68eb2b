package io.malar.agent.core.instrument;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches class loaders that see every one of a list of classes: a cheap version fence, checked
 * once per class loader before any type in it is examined.
 */
final class ClassLoaderFence implements ElementMatcher<ClassLoader> {
  private static final ClassLoader BOOTSTRAP_VIEW = ClassLoader.getPlatformClassLoader();

  private final List<String> resourceNames;
  private final Map<ClassLoader, Boolean> verdicts = new WeakHashMap<>();

  ClassLoaderFence(List<String> classNames) {
    this.resourceNames = new java.util.ArrayList<>(classNames.size());
    for (String className : classNames) {
      resourceNames.add(className.replace('.', '/') + ".class");
    }
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (resourceNames.isEmpty()) {
      return true;
    }
    ClassLoader key = loader == null ? BOOTSTRAP_VIEW : loader;
    synchronized (verdicts) {
      Boolean verdict = verdicts.get(key);
      if (verdict == null) {
        verdict = seesAll(key);
        verdicts.put(key, verdict);
      }
      return verdict;
    }
  }

  private boolean seesAll(ClassLoader loader) {
    for (String resourceName : resourceNames) {
      if (loader.getResource(resourceName) == null) {
        return false;
      }
    }
    return true;
  }
}
