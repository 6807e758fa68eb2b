package io.malar.agent.features.percentiles;

/** A 64-bit FNV-1a hash of a sanitized statement, as 16 hex digits: stable across runs and JVMs. */
final class QueryFingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private QueryFingerprint() {}

  static String of(String text) {
    long hash = OFFSET;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      hash = (hash ^ (c & 0xff)) * PRIME;
      hash = (hash ^ (c >>> 8)) * PRIME;
    }
    String hex = Long.toHexString(hash);
    return "0000000000000000".substring(hex.length()) + hex;
  }
}
