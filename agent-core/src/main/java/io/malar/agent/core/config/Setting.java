package io.malar.agent.core.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One configuration key: its name, its default as a user would write it, what it means, and the
 * form its values take, so that every declared key is checked at start, whether or not the part of
 * the agent that reads it is switched on.
 */
public final class Setting {
  /** The form of a setting's values; free text is never invalid. */
  public enum Form {
    TEXT,
    FLAG,
    POSITIVE_INT,
    PORT,
    DURATION,
    FRACTION,
    CHOICE;

    /** What a valid value looks like, as the invalid-value line and {@code java -jar} say it; null for free text. */
    public String expected(List<String> choices) {
      switch (this) {
        case FLAG:
          return "true or false";
        case POSITIVE_INT:
          return "a positive whole number";
        case PORT:
          return "a port number from 0 to 65535";
        case DURATION:
          return "a duration such as 500ms, 2s or 1m";
        case FRACTION:
          return "a number from 0.0 to 1.0";
        case CHOICE:
          return "one of " + String.join(", ", choices);
        default:
          return null;
      }
    }
  }

  private final String key;
  private final String defaultValue;
  private final String description;
  private final Form form;
  private final List<String> choices;

  /** A free-text setting. */
  public Setting(String key, String defaultValue, String description) {
    this(key, defaultValue, description, Form.TEXT);
  }

  public Setting(String key, String defaultValue, String description, Form form, String... choices) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.form = form;
    this.choices = Collections.unmodifiableList(Arrays.asList(choices));
  }

  public static Setting flag(String key, String defaultValue, String description) {
    return new Setting(key, defaultValue, description, Form.FLAG);
  }

  public static Setting duration(String key, String defaultValue, String description) {
    return new Setting(key, defaultValue, description, Form.DURATION);
  }

  public static Setting positiveInt(String key, String defaultValue, String description) {
    return new Setting(key, defaultValue, description, Form.POSITIVE_INT);
  }

  public Form form() {
    return form;
  }

  /** The allowed values of a {@link Form#CHOICE}. */
  public List<String> choices() {
    return choices;
  }

  /** What a valid value looks like; null for free text. */
  public String expected() {
    return form.expected(choices);
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The environment variable for this key: {@code malar.agent.slow-query.threshold} -> {@code MALAR_AGENT_SLOW_QUERY_THRESHOLD}. */
  public String environmentVariable() {
    return environmentVariable(key);
  }

  static String environmentVariable(String key) {
    StringBuilder name = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      name.append(c == '.' || c == '-' ? '_' : Character.toUpperCase(c));
    }
    return name.toString();
  }
}
