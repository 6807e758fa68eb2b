package io.malar.agent.core.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.Map;

/**
 * Whether the OTLP exporters reuse their marshalers from one export to the next (the SDK's
 * default) or build immutable copies of every batch (some 540 bytes more per span). Reuse is safe
 * when every signal goes over HTTP: the JDK sender writes a whole export into its buffer before
 * sending it, so an export never ends while its marshaler is still being read. Over gRPC, OkHttp
 * writes the request while its call timeout may already have failed the export, and a marshaler
 * handed to the next export broke (ArrayIndexOutOfBoundsException on the sender's thread, which
 * died): immutable data there. A user's otel.java.exporter.memory_mode wins.
 */
final class ExportMemoryMode {
  static final String KEY = "otel.java.exporter.memory_mode";
  private static final String[] SIGNALS = {"traces", "metrics", "logs"};

  private ExportMemoryMode() {}

  /** For the SDK's properties customizer: the mode to add, or nothing when the user chose one. */
  static Map<String, String> choose(ConfigProperties config) {
    if (config.getString(KEY) != null) {
      return Collections.emptyMap();
    }
    return Collections.singletonMap(KEY, anySignalOverGrpc(config) ? "immutable_data" : "reusable_data");
  }

  private static boolean anySignalOverGrpc(ConfigProperties config) {
    String protocol = config.getString("otel.exporter.otlp.protocol", "http/protobuf");
    for (String signal : SIGNALS) {
      if (config.getString("otel.exporter.otlp." + signal + ".protocol", protocol).equals("grpc")) {
        return true;
      }
    }
    return false;
  }
}
