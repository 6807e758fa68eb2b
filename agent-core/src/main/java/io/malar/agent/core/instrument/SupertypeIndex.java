package io.malar.agent.core.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers, for a class being loaded, whether it is, extends or implements one of a few watched
 * types, from the names in its class file's header and its supertypes' (ASM reads only the constant
 * pool for them), each answer remembered per class loader: a hierarchy shared by thousands of
 * classes is read once, not once per class as a type matcher does. An answer that cannot be had (a
 * supertype's class file not found, an unreadable one) is "maybe": the caller then asks the full
 * matcher, so nothing selected is ever missed.
 */
final class SupertypeIndex {
  /** Deeper than any real hierarchy: a deeper (or circular, from a broken class file) one is "maybe". */
  private static final int MAX_DEPTH = 64;
  private static final String OBJECT = "java/lang/Object";

  private final Set<String> watched = new HashSet<>();
  /** JDK types are the same in every loader: one shared memory for them. */
  private final Map<String, Boolean> jdkTypes = new ConcurrentHashMap<>();
  /** The answers per class loader, keyed by internal name; held weakly, and holding no loader. */
  private final Map<ClassLoader, Map<String, Boolean>> byLoader = new WeakHashMap<>();

  SupertypeIndex(Set<String> watchedBinaryNames) {
    for (String name : watchedBinaryNames) {
      watched.add(name.replace('.', '/'));
    }
  }

  /**
   * Whether the class {@code internalName}, defined by {@code loader} from {@code classFile} (null:
   * read it from the loader), may be or have one of the watched types as a supertype: false only
   * when its whole hierarchy was read and none is there.
   */
  boolean mayReach(ClassLoader loader, String internalName, byte[] classFile) {
    if (watched.isEmpty()) {
      return false;
    }
    Boolean reaches = reaches(loader, answersOf(loader), internalName, classFile, 0);
    return reaches == null || reaches;
  }

  private Map<String, Boolean> answersOf(ClassLoader loader) {
    synchronized (byLoader) {
      return byLoader.computeIfAbsent(loader, any -> new ConcurrentHashMap<>());
    }
  }

  /** True, false, or null when it cannot be known. */
  private Boolean reaches(ClassLoader loader, Map<String, Boolean> answers, String internalName, byte[] classFile, int depth) {
    if (watched.contains(internalName)) {
      return Boolean.TRUE;
    }
    if (internalName.equals(OBJECT)) {
      return Boolean.FALSE;
    }
    Map<String, Boolean> memory = internalName.startsWith("java/") ? jdkTypes : answers;
    Boolean known = memory.get(internalName);
    if (known != null) {
      return known;
    }
    if (depth > MAX_DEPTH) {
      return null;
    }
    byte[] bytes = classFile != null ? classFile : read(loader, internalName);
    if (bytes == null) {
      return null;
    }
    Boolean answer;
    try {
      ClassReader header = new ClassReader(bytes);
      answer = anyReaches(loader, answers, header.getSuperName(), header.getInterfaces(), depth + 1);
    } catch (RuntimeException malformed) {
      return null;
    }
    if (answer != null) {
      memory.put(internalName, answer);
    }
    return answer;
  }

  private Boolean anyReaches(
      ClassLoader loader, Map<String, Boolean> answers, String superName, String[] interfaces, int depth) {
    boolean unknown = false;
    if (superName != null) {
      Boolean viaSuper = reaches(loader, answers, superName, null, depth);
      if (Boolean.TRUE.equals(viaSuper)) {
        return Boolean.TRUE;
      }
      unknown = viaSuper == null;
    }
    for (String anInterface : interfaces) {
      Boolean viaInterface = reaches(loader, answers, anInterface, null, depth);
      if (Boolean.TRUE.equals(viaInterface)) {
        return Boolean.TRUE;
      }
      unknown |= viaInterface == null;
    }
    return unknown ? null : Boolean.FALSE;
  }

  private static byte[] read(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in =
        loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
