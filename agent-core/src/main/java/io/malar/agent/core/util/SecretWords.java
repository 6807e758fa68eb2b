package io.malar.agent.core.util;

import java.util.Locale;

/**
 * The one list of words that make a name look secret, wherever a name decides what leaves the
 * process: a query parameter's, a request header's, a cache key's. A name that contains one of them
 * in any case looks secret; a word too many costs a redacted value, a word too few a leak.
 */
public final class SecretWords {
  // "pass" also covers password and passwd, "sig" signature, "auth" (proxy-)authorization;
  // "sess:" is how short session keys are written in caches
  private static final String[] WORDS = {
    "pass", "pwd", "secret", "token", "key", "auth", "sig", "session", "sess:", "credential", "code",
    "otp", "pin", "jwt", "bearer", "cookie", "private", "csrf", "nonce", "salt", "cert"
  };

  private SecretWords() {}

  public static boolean appearIn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
