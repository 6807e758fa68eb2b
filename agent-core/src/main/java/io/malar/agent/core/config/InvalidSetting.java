package io.malar.agent.core.config;

/** A configuration value that could not be used, and what was expected instead. */
public final class InvalidSetting {
  private final String key;
  private final String value;
  private final String expected;
  private final String defaultUsed;

  public InvalidSetting(String key, String value, String expected, String defaultUsed) {
    this.key = key;
    this.value = value;
    this.expected = expected;
    this.defaultUsed = defaultUsed;
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  public String expected() {
    return expected;
  }

  public String defaultUsed() {
    return defaultUsed;
  }

  @Override
  public String toString() {
    return "invalid value '" + value + "' for " + key + ": expected " + expected + "; using default '" + defaultUsed + "'";
  }
}
