package io.malar.agent.core.instrument;

/**
 * Which classes the libraries' instrumentations could select, decided from names alone: never a
 * class of the bootstrap or platform loader or of the agent's own, never an ignored name, and of the
 * rest those selected by name or reaching a selected supertype. Only candidates are handed to Byte
 * Buddy, whose matchers then decide; every other class loads without being described.
 */
final class LibraryCandidates implements Candidates {
  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  private final ClassLoader agentLoader;
  private final TypeSelection selection;
  private final SupertypeIndex supertypes;

  LibraryCandidates(ClassLoader agentLoader, TypeSelection selection) {
    this.agentLoader = agentLoader;
    this.selection = selection;
    this.supertypes = new SupertypeIndex(selection.supertypes());
  }

  @Override
  public boolean isCandidate(ClassLoader loader, String internalName, byte[] classFile) {
    if (loader == null || loader == PLATFORM || loader == agentLoader || internalName == null) {
      return false;
    }
    String className = internalName.replace('/', '.');
    return !IgnoredTypes.ignores(className)
        && (selection.selectsByName(className) || supertypes.mayReach(loader, internalName, classFile));
  }
}
