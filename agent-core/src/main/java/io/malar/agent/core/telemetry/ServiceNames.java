package io.malar.agent.core.telemetry;

import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Defaults for service.name and service.version when the user sets neither: the main jar's name
 * without {@code .jar} (else the main class's simple name) and the jar's Implementation-Version.
 */
final class ServiceNames {
  private ServiceNames() {}

  static String fromCommand(String javaCommand) {
    String main = mainOf(javaCommand);
    if (main.isEmpty()) {
      return "unknown_service:java";
    }
    if (main.endsWith(".jar")) {
      String file = main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
      return file.substring(0, file.length() - ".jar".length());
    }
    return main.substring(main.lastIndexOf('.') + 1);
  }

  /** The main jar's Implementation-Version, or null. */
  static String versionFromCommand(String javaCommand) {
    String main = mainOf(javaCommand);
    if (!main.endsWith(".jar")) {
      return null;
    }
    try (JarFile jar = new JarFile(main, false)) {
      Manifest manifest = jar.getManifest();
      return manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String mainOf(String javaCommand) {
    return javaCommand == null ? "" : javaCommand.trim().split("\\s+", 2)[0];
  }
}
