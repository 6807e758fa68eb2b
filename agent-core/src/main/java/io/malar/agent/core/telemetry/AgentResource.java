package io.malar.agent.core.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Resource attributes the agent adds: its own identity, the main jar's version, the host and the
 * process. What the user configures (OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME) wins.
 */
final class AgentResource {
  private AgentResource() {}

  static Resource create(String agentVersion) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put("telemetry.distro.name", "malar-agent")
            .put("telemetry.distro.version", agentVersion)
            .put("host.arch", System.getProperty("os.arch"))
            .put("os.type", System.getProperty("os.name").toLowerCase(Locale.ROOT))
            .put("process.pid", ProcessHandle.current().pid())
            .put("process.runtime.name", System.getProperty("java.runtime.name"))
            .put("process.runtime.version", System.getProperty("java.runtime.version"))
            .put("process.runtime.description", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"));
    String serviceVersion = ServiceNames.versionFromCommand(System.getProperty("sun.java.command"));
    if (serviceVersion != null) {
      attributes.put("service.version", serviceVersion);
    }
    String hostName = hostName();
    if (hostName != null) {
      attributes.put("host.name", hostName);
    }
    return Resource.create(attributes.build());
  }

  /** Without a DNS lookup: a misconfigured resolver must not delay the application's start. */
  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    Path etcHostname = Paths.get("/etc/hostname");
    try {
      return Files.isReadable(etcHostname) ? Files.readString(etcHostname).trim() : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
