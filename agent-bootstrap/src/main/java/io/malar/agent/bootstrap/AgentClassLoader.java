package io.malar.agent.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's core and its libraries from the {@code inst/} folder of the agent jar.
 *
 * <p>Class files there are stored as {@code .classdata} so that no other class loader finds them:
 * the application's own copies of OpenTelemetry, Jackson or Byte Buddy never meet ours. The
 * parent is the platform loader, so the core sees the JDK (java.sql included) and nothing of the
 * application.
 */
public final class AgentClassLoader extends ClassLoader {
  static final String PREFIX = "inst/";
  private static final String CLASS_SUFFIX = ".class";
  private static final String CLASSDATA_SUFFIX = ".classdata";

  static {
    registerAsParallelCapable();
  }

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;

  /**
   * @param parent the platform loader when running as an agent (the bridge is then on the bootstrap
   *     class path); the system loader for {@code java -jar}, where the bridge sits on the class path
   */
  public AgentClassLoader(File agentJar, ClassLoader parent) throws IOException {
    super("malar-agent", parent);
    this.jar = new JarFile(agentJar, false);
    URL location = agentJar.toURI().toURL();
    this.jarUrl = "jar:" + location.toExternalForm() + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + CLASSDATA_SUFFIX);
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String packageName = className.substring(0, dot);
    if (getDefinedPackage(packageName) == null) {
      try {
        definePackage(packageName, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException racedWithAnotherThread) {
        // defined concurrently: fine
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    String entryName = PREFIX + storedName(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entryName);
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
  }

  /** Class files are stored renamed; asking for {@code X.class} gives the stored bytes. */
  private static String storedName(String name) {
    return name.endsWith(CLASS_SUFFIX)
        ? name.substring(0, name.length() - CLASS_SUFFIX.length()) + CLASSDATA_SUFFIX
        : name;
  }
}
