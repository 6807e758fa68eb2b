package io.malar.agent.core.instrument;

import java.util.HashSet;
import java.util.Set;

/** The JDK classes the instrumentations name, and no other: the bootstrap loader's, by name. */
final class JdkCandidates implements Candidates {
  private final Set<String> internalNames = new HashSet<>();

  JdkCandidates(Set<String> classNames) {
    for (String className : classNames) {
      internalNames.add(className.replace('.', '/'));
    }
  }

  @Override
  public boolean isCandidate(ClassLoader loader, String internalName, byte[] classFile) {
    return loader == null && internalNames.contains(internalName);
  }
}
