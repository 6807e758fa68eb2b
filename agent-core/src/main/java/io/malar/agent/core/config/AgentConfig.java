package io.malar.agent.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent's configuration: system property, then environment variable, then config file, then
 * the default. A value that cannot be read is reported once through {@code problems}, naming the
 * key, the value and the expected form, and the default is used.
 */
public final class AgentConfig {
  private static final String KEY_PREFIX = "malar.agent.";
  private static final String EXPECTED_FILE = "a readable Java properties file with malar.agent.* keys";

  private final Properties systemProperties;
  private final Map<String, String> environment;
  private final Properties file;
  private final Consumer<InvalidSetting> problems;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  AgentConfig(
      Properties systemProperties,
      Map<String, String> environment,
      Properties file,
      Consumer<InvalidSetting> problems) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.file = file;
    this.problems = problems;
  }

  /** Reads the JVM's system properties, the process environment and the optional config file. */
  public static AgentConfig load(Consumer<InvalidSetting> problems) {
    return create(System.getProperties(), System.getenv(), problems);
  }

  static AgentConfig create(
      Properties systemProperties, Map<String, String> environment, Consumer<InvalidSetting> problems) {
    AgentConfig withoutFile = new AgentConfig(systemProperties, environment, new Properties(), problems);
    String path = withoutFile.string(Settings.CONFIG_FILE);
    Properties file = new Properties();
    if (!path.isEmpty()) {
      Path configFile = Paths.get(path);
      try (InputStream in = Files.newInputStream(configFile)) {
        file.load(in);
        if (file.stringPropertyNames().stream().noneMatch(key -> key.startsWith(KEY_PREFIX))) {
          // YAML, JSON or anything else Properties reads without complaint gives no key of ours
          problems.accept(new InvalidSetting(Settings.CONFIG_FILE.key(), path, EXPECTED_FILE + " (it has none)", "none"));
        }
      } catch (IOException | RuntimeException e) {
        file.clear();
        problems.accept(new InvalidSetting(Settings.CONFIG_FILE.key(), path, EXPECTED_FILE + " (" + e + ")", "none"));
      }
    }
    return new AgentConfig(systemProperties, environment, file, problems);
  }

  /** The raw value, or null when no source sets the key. */
  public String raw(String key) {
    String value = systemProperties.getProperty(key);
    if (value == null) {
      value = environment.get(Setting.environmentVariable(key));
    }
    if (value == null) {
      value = file.getProperty(key);
    }
    return value == null ? null : value.trim();
  }

  public String string(Setting setting) {
    String value = raw(setting.key());
    return value == null ? setting.defaultValue() : value;
  }

  public boolean bool(Setting setting) {
    return read(setting, Setting.Form.FLAG, AgentConfig::flag);
  }

  /** One of the setting's choices, compared without regard to case. */
  public String choice(Setting setting) {
    return read(setting, Setting.Form.CHOICE, value -> chosen(setting, value));
  }

  public int positiveInt(Setting setting) {
    return read(setting, Setting.Form.POSITIVE_INT, value -> whole(value, 1, Integer.MAX_VALUE));
  }

  public Duration duration(Setting setting) {
    return read(setting, Setting.Form.DURATION, Durations::parse);
  }

  /** A TCP port; 0 means none. */
  public int port(Setting setting) {
    return read(setting, Setting.Form.PORT, value -> whole(value, 0, 65535));
  }

  /** A share, from 0.0 to 1.0. */
  public double fraction(Setting setting) {
    return read(setting, Setting.Form.FRACTION, AgentConfig::share);
  }

  /**
   * Reads a setting by its form, so that a bad value is reported at start even when nothing else
   * reads it (a feature switched off, say); free text is never invalid.
   */
  public void check(Setting setting) {
    switch (setting.form()) {
      case FLAG:
        bool(setting);
        break;
      case POSITIVE_INT:
        positiveInt(setting);
        break;
      case PORT:
        port(setting);
        break;
      case DURATION:
        duration(setting);
        break;
      case FRACTION:
        fraction(setting);
        break;
      case CHOICE:
        choice(setting);
        break;
      default:
        break;
    }
  }

  /** The value parsed, else (reported) the default parsed; {@code parse} gives null for a bad value. */
  private <T> T read(Setting setting, Setting.Form form, Function<String, T> parse) {
    String value = raw(setting.key());
    if (value != null) {
      T parsed = parse.apply(value);
      if (parsed != null) {
        return parsed;
      }
      invalid(setting, value, form);
    }
    return parse.apply(setting.defaultValue());
  }

  private static Boolean flag(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : null;
  }

  private static String chosen(Setting setting, String value) {
    for (String candidate : setting.choices()) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    return null;
  }

  private static Integer whole(String value, int min, int max) {
    try {
      int parsed = Integer.parseInt(value);
      return parsed >= min && parsed <= max ? parsed : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Double share(String value) {
    try {
      double parsed = Double.parseDouble(value);
      return parsed >= 0 && parsed <= 1 ? parsed : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** Reports a key once, however often it is read, in the words of the form it was read as. */
  private void invalid(Setting setting, String value, Setting.Form readAs) {
    if (reported.add(setting.key())) {
      problems.accept(new InvalidSetting(setting.key(), value, readAs.expected(setting.choices()), setting.defaultValue()));
    }
  }
}
