package io.malar.agent.core;

import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeatures;
import io.malar.agent.core.instrument.InstrumentationModule;
import java.io.PrintStream;
import java.util.List;

/** What {@code java -jar malar-agent.jar} prints: version, instrumentations, settings. */
public final class AgentInfo {
  private AgentInfo() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    out.println("malar-agent " + AgentVersion.VALUE);
    out.println("Attach with: java -javaagent:malar-agent.jar -jar your-app.jar");
    out.println();
    out.println("Instrumentations:");
    List<InstrumentationModule> modules = InstrumentationModules.all();
    for (InstrumentationModule module : modules) {
      out.printf("  %-10s %s%n", module.name(), module.description());
    }
    out.println();
    out.println("Settings (system property, else environment variable, else config file, else default):");
    for (Setting setting : DeclaredSettings.of(modules, AgentFeatures.all())) {
      out.printf("  %s (%s)%n      default: %s%n", setting.key(), setting.environmentVariable(),
          setting.defaultValue().isEmpty() ? "(none)" : setting.defaultValue());
      if (setting.expected() != null) {
        out.printf("      expects: %s%n", setting.expected());
      }
      out.printf("      %s%n", setting.description());
    }
    out.println();
    out.println("Exporting is configured with the standard OpenTelemetry settings, for example:");
    out.println("  OTEL_SERVICE_NAME                 service.name (default: the main jar or class name)");
    out.println("  OTEL_EXPORTER_OTLP_ENDPOINT       default http://localhost:4318 (grpc: http://localhost:4317)");
    out.println("  OTEL_EXPORTER_OTLP_PROTOCOL       http/protobuf (default) or grpc");
    out.println("  OTEL_TRACES_EXPORTER              otlp (default), console or none");
    out.println("  OTEL_METRICS_EXPORTER             otlp (default), console or none");
    out.println("  OTEL_METRIC_EXPORT_INTERVAL       milliseconds between metric exports (default 60000)");
    out.println("  OTEL_RESOURCE_ATTRIBUTES          e.g. deployment.environment.name=production,service.version=1.4.2");
  }
}
