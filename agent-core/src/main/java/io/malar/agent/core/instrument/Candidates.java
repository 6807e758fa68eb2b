package io.malar.agent.core.instrument;

/** The classes worth handing to Byte Buddy's matchers, told apart before any is described. */
interface Candidates {
  /**
   * @param loader the class's defining loader, null for the bootstrap loader
   * @param internalName the class's name as the JVM gives it ({@code a/b/C})
   * @param classFile its class file, or null to read it from {@code loader}
   */
  boolean isCandidate(ClassLoader loader, String internalName, byte[] classFile);
}
