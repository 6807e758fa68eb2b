package io.malar.agent.core.config;

import java.time.Duration;

/** Parses durations as users write them: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1500} (ms). */
final class Durations {
  private Durations() {}

  /** The duration, or null when {@code text} is not a non-negative whole number with a known unit. */
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
    switch (value.substring(unitStart).trim()) {
      case "":
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "us":
        return Duration.ofNanos(amount * 1000);
      default:
        return null;
    }
  }
}
