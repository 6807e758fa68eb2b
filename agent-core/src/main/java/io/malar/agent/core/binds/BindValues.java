package io.malar.agent.core.binds;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * What is kept of a bind value when it is set, and how it is shown when a call is reported.
 *
 * <p>Kept cheaply on every set: immutable values by reference (long strings cut), anything else
 * (streams, byte arrays, LOBs) as a placeholder, so the agent holds none of the application's
 * mutable objects. Shown only for a slow or failed call: text and numbers masked by
 * {@link SensitiveText}, then truncated; dates, times and UUIDs as they are.
 */
public final class BindValues {
  static final int MAX_LENGTH = 64;
  /** Longer strings are cut when set: masking reads no more than this. */
  static final int KEPT_LENGTH = 1024;
  private static final String NULL = "NULL";

  private BindValues() {}

  public static Object retained(Object value) {
    if (value == null || value instanceof Number || value instanceof Character || isShownAsIs(value)) {
      return value;
    }
    if (value instanceof String) {
      String text = (String) value;
      return text.length() > KEPT_LENGTH ? cut(text) : text;
    }
    if (value instanceof byte[]) {
      return new Placeholder("[" + ((byte[]) value).length + " bytes]");
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    return new Placeholder("[" + value.getClass().getSimpleName() + "]");
  }

  /** The values as they may leave the process, by parameter index; unset parameters are null. */
  public static List<String> shown(Object[] values) {
    List<String> shown = new ArrayList<>(values.length);
    for (Object value : values) {
      shown.add(shown(value));
    }
    return shown;
  }

  static String shown(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Placeholder || isShownAsIs(value)) {
      return value.toString();
    }
    return truncated(SensitiveText.masked(value.toString()));
  }

  /** Values that print as nothing personal: flags, dates and times, UUIDs. */
  private static boolean isShownAsIs(Object value) {
    return value instanceof Boolean || value instanceof Date || value instanceof TemporalAccessor || value instanceof UUID;
  }

  private static String truncated(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
  }

  /**
   * Cuts at a space after a letter, before the limit: a number written with spaces (a card, a
   * phone) or an address has no such space inside, so no part of one survives the cut unmasked.
   */
  private static Object cut(String text) {
    int end = KEPT_LENGTH;
    while (end > 0 && !(Character.isWhitespace(text.charAt(end)) && Character.isLetter(text.charAt(end - 1)))) {
      end--;
    }
    return end == 0 ? new Placeholder("[" + text.length() + " characters]") : text.substring(0, end) + "...";
  }

  /** Stands for a value that was not kept. */
  private static final class Placeholder {
    private final String text;

    Placeholder(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
