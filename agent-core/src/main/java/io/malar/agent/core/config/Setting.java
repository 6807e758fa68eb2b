package io.malar.agent.core.config;

/** One configuration key: its name, its default as a user would write it, and what it means. */
public final class Setting {
  private final String key;
  private final String defaultValue;
  private final String description;

  public Setting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
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
