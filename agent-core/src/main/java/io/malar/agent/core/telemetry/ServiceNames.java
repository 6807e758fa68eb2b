package io.malar.agent.core.telemetry;

/**
 * The default service.name when OTEL_SERVICE_NAME is not set: the main jar's name without
 * {@code .jar}, else the main class's simple name.
 */
final class ServiceNames {
  private ServiceNames() {}

  static String fromCommand(String javaCommand) {
    if (javaCommand == null || javaCommand.trim().isEmpty()) {
      return "unknown_service:java";
    }
    String main = javaCommand.trim().split("\\s+", 2)[0];
    if (main.endsWith(".jar")) {
      String file = main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
      return file.substring(0, file.length() - ".jar".length());
    }
    return main.substring(main.lastIndexOf('.') + 1);
  }
}
