package io.malar.agent.core.telemetry;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.FeatureFailures;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.log.SdkLogLines;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenTelemetry SDK, configured by its own autoconfigure module: every OTEL_* variable and
 * otel.* property works as users know it. The agent only changes defaults.
 */
public final class Telemetry {
  private final OpenTelemetrySdk sdk;
  private final String tracesEndpoint;

  private Telemetry(OpenTelemetrySdk sdk, String tracesEndpoint) {
    this.sdk = sdk;
    this.tracesEndpoint = tracesEndpoint;
  }

  public static Telemetry create(String agentVersion, List<AgentFeature> features, AgentConfig config) {
    SdkLogLines.install();
    String[] endpoint = new String[1];
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder()
            .setComponentLoader(new JdkHttpSenderLoader(Telemetry.class.getClassLoader()))
            .addPropertiesSupplier(Telemetry::defaults)
            .addResourceCustomizer((resource, otelConfig) -> AgentResource.create(agentVersion).merge(resource))
            .addMeterProviderCustomizer((meters, otelConfig) -> ExportSelfMetrics.rename(meters))
            .addPropertiesCustomizer(ExportMemoryMode::choose)
            .addPropertiesCustomizer(
                otelConfig -> {
                  endpoint[0] = describeTracesExporter(otelConfig);
                  return java.util.Collections.emptyMap();
                });
    for (AgentFeature feature : features) {
      try {
        feature.configure(builder, config);
      } catch (Throwable t) { // the other features and the spans go on without it
        AgentLog.error("a feature could not be configured; the agent runs without it", "feature", feature.name(), "error", String.valueOf(t));
      }
    }
    OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
    FeatureFailures.observe(sdk.getMeter("io.malar.agent"));
    for (AgentFeature feature : features) {
      try {
        feature.started(sdk, config);
      } catch (Throwable t) {
        AgentLog.error("a feature could not start; the agent runs without it", "feature", feature.name(), "error", String.valueOf(t));
      }
    }
    return new Telemetry(sdk, endpoint[0]);
  }

  public OpenTelemetrySdk sdk() {
    return sdk;
  }

  /** Where spans go, for the start-up line. */
  public String tracesEndpoint() {
    return tracesEndpoint;
  }

  /** Defaults that system properties and environment variables override. */
  static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.service.name", ServiceNames.fromCommand(System.getProperty("sun.java.command")));
    // the SDK alone defaults to grpc; agents, ours included, default to http/protobuf on 4318
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    // the percentiles and semantic-convention histograms go over OTLP every OTEL_METRIC_EXPORT_INTERVAL
    defaults.put("otel.metrics.exporter", "otlp");
    defaults.put("otel.logs.exporter", "none");
    defaults.put(ExportSelfMetrics.TELEMETRY_VERSION_KEY, ExportSelfMetrics.TELEMETRY_VERSION);
    ExportDefaults.putInto(defaults);
    return defaults;
  }

  private static String describeTracesExporter(ConfigProperties config) {
    String exporter = config.getString("otel.traces.exporter", "otlp");
    if (!exporter.equals("otlp")) {
      return exporter;
    }
    String protocol =
        config.getString("otel.exporter.otlp.traces.protocol", config.getString("otel.exporter.otlp.protocol", "http/protobuf"));
    String base = config.getString("otel.exporter.otlp.endpoint");
    String endpoint = config.getString("otel.exporter.otlp.traces.endpoint");
    if (endpoint == null) {
      if (protocol.equals("grpc")) {
        endpoint = base != null ? base : "http://localhost:4317";
      } else {
        endpoint = (base != null ? stripSlash(base) : "http://localhost:4318") + "/v1/traces";
      }
    }
    return "otlp " + protocol + " " + endpoint;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
