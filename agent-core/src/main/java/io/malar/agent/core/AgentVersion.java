package io.malar.agent.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, written into the jar at build time. */
public final class AgentVersion {
  public static final String VALUE = read();

  private AgentVersion() {}

  private static String read() {
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
