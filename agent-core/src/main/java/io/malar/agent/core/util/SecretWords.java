package io.malar.agent.core.util;

import java.util.Locale;

/**
 * The one list of words that make a name look secret, wherever a name decides what leaves the
 * process: a query parameter's, a request header's, a cache key's. A name looks secret, in any
 * case, when it contains one of the long words anywhere, or one of the short ones at the start or
 * end of one of its parts (the runs of letters and digits): {@code apiKey}, {@code user_pin} and
 * {@code X-Signature} look secret, {@code shipping:*} and {@code mapping} do not. A word too many
 * costs a redacted value, a word too few a leak.
 */
public final class SecretWords {
  // "sess:" is how short session keys are written in caches
  private static final String[] ANYWHERE = {
    "secret", "token", "session", "sess:", "credential", "bearer", "cookie", "private", "nonce"
  };
  // "pass" also covers password and passwd, "sig" signature, "auth" (proxy-)authorization
  private static final String[] AT_A_PART_EDGE = {
    "pass", "pwd", "key", "auth", "sig", "code", "otp", "pin", "jwt", "csrf", "salt", "cert"
  };

  private SecretWords() {}

  public static boolean appearIn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : ANYWHERE) {
      if (lower.contains(word)) {
        return true;
      }
    }
    int partStart = 0;
    for (int i = 0; i <= lower.length(); i++) {
      if (i == lower.length() || !Character.isLetterOrDigit(lower.charAt(i))) {
        if (i > partStart && partHasEdgeWord(lower, partStart, i)) {
          return true;
        }
        partStart = i + 1;
      }
    }
    return false;
  }

  private static boolean partHasEdgeWord(String lower, int start, int end) {
    for (String word : AT_A_PART_EDGE) {
      int length = word.length();
      if (end - start >= length
          && (lower.regionMatches(start, word, 0, length) || lower.regionMatches(end - length, word, 0, length))) {
        return true;
      }
    }
    return false;
  }
}
