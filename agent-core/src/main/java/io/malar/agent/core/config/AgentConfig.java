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
    String value = raw(setting.key());
    if (value != null) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("false")) {
        return lower.equals("true");
      }
      invalid(setting, value, Setting.Form.FLAG);
    }
    return Boolean.parseBoolean(setting.defaultValue());
  }

  /** One of the setting's choices, compared without regard to case. */
  public String choice(Setting setting) {
    String value = raw(setting.key());
    if (value != null) {
      for (String candidate : setting.choices()) {
        if (candidate.equalsIgnoreCase(value)) {
          return candidate;
        }
      }
      invalid(setting, value, Setting.Form.CHOICE);
    }
    return setting.defaultValue();
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

  public int positiveInt(Setting setting) {
    String value = raw(setting.key());
    if (value != null) {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      invalid(setting, value, Setting.Form.POSITIVE_INT);
    }
    return Integer.parseInt(setting.defaultValue());
  }

  public Duration duration(Setting setting) {
    String value = raw(setting.key());
    if (value != null) {
      Duration parsed = Durations.parse(value);
      if (parsed != null) {
        return parsed;
      }
      invalid(setting, value, Setting.Form.DURATION);
    }
    return Durations.parse(setting.defaultValue());
  }

  /** A TCP port; 0 means none. */
  public int port(Setting setting) {
    String value = raw(setting.key());
    if (value != null) {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= 0 && parsed <= 65535) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      invalid(setting, value, Setting.Form.PORT);
    }
    return Integer.parseInt(setting.defaultValue());
  }

  /** A share, from 0.0 to 1.0. */
  public double fraction(Setting setting) {
    String value = raw(setting.key());
    if (value != null) {
      try {
        double parsed = Double.parseDouble(value);
        if (parsed >= 0 && parsed <= 1) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      invalid(setting, value, Setting.Form.FRACTION);
    }
    return Double.parseDouble(setting.defaultValue());
  }

  /** Reports a key once, however often it is read, in the words of the form it was read as. */
  private void invalid(Setting setting, String value, Setting.Form readAs) {
    if (reported.add(setting.key())) {
      problems.accept(new InvalidSetting(setting.key(), value, readAs.expected(setting.choices()), setting.defaultValue()));
    }
  }
}
