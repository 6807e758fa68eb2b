package io.malar.agent.instrumentation.jedis;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Jedis and {@link JedisWorkloads} in a class loader of their own, as in an application: the
 * installer never instruments the loader that holds the agent's classes, which in a unit test is
 * the test's own.
 */
final class JedisApplication implements AutoCloseable {
  private static final String WORKLOADS = JedisWorkloads.class.getName();

  private final URLClassLoader loader;

  JedisApplication() throws IOException {
    URL jedisJar =
        ((JarURLConnection) ClassLoader.getSystemResource("redis/clients/jedis/Jedis.class").openConnection())
            .getJarFileURL();
    URL testClasses = JedisApplication.class.getProtectionDomain().getCodeSource().getLocation();
    loader = new ChildFirst(new URL[] {jedisJar, testClasses}, JedisApplication.class.getClassLoader());
  }

  /** Runs a workload; its exception, if any, is rethrown as is. */
  Object run(String workload, String host, int port) throws Throwable {
    try {
      return loader.loadClass(WORKLOADS).getMethod(workload, String.class, int.class).invoke(null, host, port);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  /** Jedis and the workloads from here; their dependencies, the bridge and the JDK from the parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("redis.clients.jedis.") && !name.startsWith(WORKLOADS)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
