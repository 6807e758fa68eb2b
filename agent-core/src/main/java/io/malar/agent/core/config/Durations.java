package io.malar.agent.core.config;

import java.time.Duration;

/** Parses durations as users write them: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1500} (ms). */
final class Durations {
  private Durations() {}

  /**
   * The duration, or null when {@code text} is not a non-negative whole number with a known unit, or
   * is too long to count in nanoseconds.
   */
  static Duration parse(String text) {
    String value = text.trim();
    int unitStart = 0;
    while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 12) {
      return null;
    }
    long amount = Long.parseLong(value.substring(0, unitStart));
    Duration parsed;
    switch (value.substring(unitStart).trim()) {
      case "":
      case "ms":
        parsed = Duration.ofMillis(amount);
        break;
      case "s":
        parsed = Duration.ofSeconds(amount);
        break;
      case "m":
        parsed = Duration.ofMinutes(amount);
        break;
      case "us":
        parsed = Duration.ofNanos(amount * 1000);
        break;
      default:
        return null;
    }
    return fitsInNanos(parsed) ? parsed : null;
  }

  /** Thresholds are compared in nanoseconds, whose long holds about 292 years. */
  private static boolean fitsInNanos(Duration duration) {
    try {
      duration.toNanos();
      return true;
    } catch (ArithmeticException tooLong) {
      return false;
    }
  }
}
