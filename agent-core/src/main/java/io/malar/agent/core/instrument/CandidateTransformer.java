package io.malar.agent.core.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * A Byte Buddy transformer consulted only for its {@link Candidates}: the thousands of other classes
 * a JVM loads at start-up cost a name check and, for the libraries' supertype selections, a read of
 * their class file's header, where Byte Buddy would describe each one and match it.
 */
final class CandidateTransformer implements ClassFileTransformer {
  /** Set while this thread decides: a class its reads load is left alone, as Byte Buddy does for its own. */
  private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

  private final ClassFileTransformer byteBuddy;
  private final Candidates candidates;

  CandidateTransformer(ClassFileTransformer byteBuddy, Candidates candidates) {
    this.byteBuddy = byteBuddy;
    this.candidates = candidates;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile)
      throws IllegalClassFormatException {
    if (DECIDING.get() != null) {
      return null;
    }
    DECIDING.set(Boolean.TRUE);
    boolean candidate;
    try {
      candidate = candidates.isCandidate(loader, internalName, classFile);
    } catch (Throwable unexpected) {
      candidate = true; // Byte Buddy's matchers decide, as they did before this filter
    } finally {
      DECIDING.remove();
    }
    if (!candidate) {
      return null;
    }
    return MethodCalls.whileTransforming(
        classFile,
        () -> byteBuddy.transform(module, loader, internalName, classBeingRedefined, protectionDomain, classFile));
  }
}
