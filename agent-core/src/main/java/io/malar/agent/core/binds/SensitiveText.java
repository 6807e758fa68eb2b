package io.malar.agent.core.binds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in a bind value: emails become {@code [email]}, digit runs
 * that pass the Luhn check at card length become {@code [card]}, and any other run of seven digits
 * or more (separators allowed: space, dot, dash, parentheses, a leading plus) becomes
 * {@code [phone]}. It errs towards masking: a long id is masked too. ISO dates and decimal amounts
 * (up to six digits, a point, up to four) are left alone.
 */
final class SensitiveText {
  private static final int MIN_PHONE_DIGITS = 7;
  private static final int MIN_CARD_DIGITS = 13;
  private static final int MAX_CARD_DIGITS = 19;

  private static final Pattern SUSPECTS =
      Pattern.compile(
          "(?<date>\\b\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?)"
              + "|(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)"
              + "|(?<amount>(?<![\\d.])\\d{1,6}\\.\\d{1,4}(?![\\d.]))"
              + "|(?<digits>\\+?\\(?\\d(?:[\\d .()-]*\\d)?)");

  private SensitiveText() {}

  static String masked(String text) {
    Matcher suspect = SUSPECTS.matcher(text);
    StringBuilder masked = null;
    int copied = 0;
    while (suspect.find()) {
      String replacement = null;
      if (suspect.group("email") != null) {
        replacement = "[email]";
      } else if (suspect.group("digits") != null) {
        replacement = forDigits(suspect.group("digits"));
      }
      if (replacement != null) {
        if (masked == null) {
          masked = new StringBuilder(text.length());
        }
        masked.append(text, copied, suspect.start()).append(replacement);
        copied = suspect.end();
      }
    }
    return masked == null ? text : masked.append(text, copied, text.length()).toString();
  }

  /** The mask for a run of digits, or null to leave it. */
  private static String forDigits(String run) {
    String digits = run.replaceAll("\\D", "");
    if (digits.length() >= MIN_CARD_DIGITS && digits.length() <= MAX_CARD_DIGITS && passesLuhn(digits)) {
      return "[card]";
    }
    return digits.length() >= MIN_PHONE_DIGITS ? "[phone]" : null;
  }

  private static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
