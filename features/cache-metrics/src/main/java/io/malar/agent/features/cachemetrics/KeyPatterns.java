package io.malar.agent.features.cachemetrics;

import io.malar.agent.core.util.SecretWords;
import java.nio.charset.StandardCharsets;

/**
 * A Redis key as it may leave the process: every UUID and every run of digits replaced by
 * {@code *}, cut at 64 characters; {@code other} when the pattern looks secret (tokens, passwords,
 * sessions, key material) or is mostly unknown (no words, or hash-like remains outweigh them).
 */
final class KeyPatterns {
  static final String OTHER = "other";
  static final int MAX_LENGTH = 64;

  /** Longer keys are read only this far: the pattern is cut at 64 characters anyway. */
  private static final int MAX_BYTES_READ = 256;
  private static final int UUID_LENGTH = 36;

  private KeyPatterns() {}

  static String of(byte[] key) {
    if (key == null || key.length == 0) {
      return OTHER;
    }
    int length = Math.min(key.length, MAX_BYTES_READ);
    // most keys are ASCII: read in place, no string decoded per counted key
    CharSequence text = AsciiBytes.isAscii(key, length) ? new AsciiBytes(key, length) : new String(key, 0, length, StandardCharsets.UTF_8);
    String pattern = withWildcards(text);
    return SecretWords.appearIn(pattern) || mostlyUnknown(pattern) ? OTHER : pattern;
  }

  private static String withWildcards(CharSequence key) {
    StringBuilder pattern = new StringBuilder(Math.min(key.length(), MAX_LENGTH));
    int i = 0;
    while (i < key.length() && pattern.length() < MAX_LENGTH) {
      if (isUuidAt(key, i)) {
        pattern.append('*');
        i += UUID_LENGTH;
      } else if (isDigit(key.charAt(i))) {
        pattern.append('*');
        while (i < key.length() && isDigit(key.charAt(i))) {
          i++;
        }
      } else {
        pattern.append(key.charAt(i++));
      }
    }
    return pattern.toString();
  }

  /** 8-4-4-4-12 hexadecimal digits. */
  private static boolean isUuidAt(CharSequence text, int start) {
    if (text.length() - start < UUID_LENGTH) {
      return false;
    }
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = text.charAt(start + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Segments (between separators such as {@code :} or {@code /}) with two wildcards or more are
   * what remains of a hash or an encoded id ({@code a*f*e*}): unknown. The pattern says little when
   * it has no letters in known segments, or fewer than unknown characters.
   */
  private static boolean mostlyUnknown(String pattern) {
    int knownLetters = 0;
    int unknownCharacters = 0;
    int segmentLetters = 0;
    int segmentLength = 0;
    int segmentWildcards = 0;
    for (int i = 0; i <= pattern.length(); i++) {
      char c = i < pattern.length() ? pattern.charAt(i) : ':';
      if (Character.isLetter(c) || c == '*') {
        segmentLength++;
        segmentLetters += c == '*' ? 0 : 1;
        segmentWildcards += c == '*' ? 1 : 0;
        continue;
      }
      if (segmentWildcards >= 2) {
        unknownCharacters += segmentLength;
      } else {
        knownLetters += segmentLetters;
      }
      segmentLetters = 0;
      segmentLength = 0;
      segmentWildcards = 0;
    }
    return knownLetters == 0 || knownLetters < unknownCharacters;
  }
}
