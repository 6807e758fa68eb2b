package io.malar.agent.core.instrument;

import io.malar.agent.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Candidates that were loaded without Byte Buddy's transformer (before it was registered, or while
 * it was being built), found among the loaded classes and retransformed, so that they are
 * instrumented like those loaded later.
 */
final class LoadedCandidates {
  private LoadedCandidates() {}

  /** The loaded classes that either of {@code candidates} selects. */
  static List<Class<?>> find(Instrumentation instrumentation, Candidates jdk, Candidates libraries) {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(type)
          && (isCandidate(jdk, type) || isCandidate(libraries, type))) {
        found.add(type);
      }
    }
    return found;
  }

  /** The loaded classes of these internal names that {@code candidates} selects. */
  static List<Class<?>> named(Instrumentation instrumentation, Set<String> internalNames, Candidates candidates) {
    List<Class<?>> found = new ArrayList<>();
    if (internalNames.isEmpty()) {
      return found;
    }
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (internalNames.contains(internalName(type))
          && instrumentation.isModifiableClass(type)
          && isCandidate(candidates, type)) {
        found.add(type);
      }
    }
    return found;
  }

  static void retransform(Instrumentation instrumentation, List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
    } catch (Throwable e) {
      AgentLog.warn("could not instrument classes loaded before the agent's instrumentation; they run unchanged",
          "classes", classes.size(), "error", String.valueOf(e));
    }
  }

  private static boolean isCandidate(Candidates candidates, Class<?> type) {
    return candidates.isCandidate(type.getClassLoader(), internalName(type), null);
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }
}
