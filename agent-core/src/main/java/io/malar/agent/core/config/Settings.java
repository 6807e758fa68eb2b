package io.malar.agent.core.config;

import java.util.Arrays;
import java.util.List;

/** The agent's own settings. Instrumentation switches are derived from the modules' names. */
public final class Settings {
  public static final Setting ENABLED =
      Setting.flag("malar.agent.enabled", "true", "Turns the whole agent on or off.");
  public static final Setting CONFIG_FILE =
      new Setting(
          "malar.agent.config.file",
          "",
          "A Java properties file with malar.agent.* keys; system properties and environment"
              + " variables override it.");

  public static final Setting STARTUP =
      new Setting(
          "malar.agent.startup",
          "background",
          "Where the telemetry (SDK, exporters, features) is built. Either way instrumentation is"
              + " installed before premain returns, so the first calls are traced. background: on a"
              + " thread of its own while the application starts; a call made before it is ready"
              + " waits for it. premain: before premain returns.",
          Setting.Form.CHOICE,
          "background",
          "premain");

  public static final Setting LOG_FILE =
      new Setting(
          "malar.agent.log.file",
          "",
          "A file the agent appends its own log lines to (warnings included) instead of stderr.");

  private Settings() {}

  public static List<Setting> all() {
    return Arrays.asList(ENABLED, CONFIG_FILE, STARTUP, LOG_FILE);
  }

  public static Setting instrumentationEnabled(String moduleName, String description) {
    return Setting.flag("malar.agent.instrumentation." + moduleName + ".enabled", "true", description);
  }
}
