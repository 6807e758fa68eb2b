package io.malar.agent.core.telemetry;

import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.View;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's own export health, exported with the rest of its metrics: the SDK's internal
 * telemetry (batch span processor and OTLP exporters, semantic-convention version), renamed under
 * {@code malar.agent.} so that it is told apart from an application's own SDK. The counters are
 * cumulative: what was dropped while the collector was away arrives with the first export after
 * it is back. The SDK's per-span instruments are dropped (below).
 */
final class ExportSelfMetrics {
  /** Makes the SDK record its internal telemetry with the semantic-convention instruments. */
  static final String TELEMETRY_VERSION_KEY = "otel.experimental.sdk.telemetry.version";

  static final String TELEMETRY_VERSION = "latest";

  /** SDK instrument name to the agent's name; attributes (error.type, component) are kept. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    // error.type=queue_full: dropped because the queue was full
    NAMES.put("otel.sdk.processor.span.processed", "malar.agent.spans.processed");
    NAMES.put("otel.sdk.processor.span.queue.size", "malar.agent.queue.size");
    NAMES.put("otel.sdk.processor.span.queue.capacity", "malar.agent.queue.capacity");
    // error.type set: the export failed after the exporter's retries, so these were dropped
    NAMES.put("otel.sdk.exporter.span.exported", "malar.agent.spans.exported");
    NAMES.put("otel.sdk.exporter.span.inflight", "malar.agent.spans.inflight");
    NAMES.put("otel.sdk.exporter.metric_data_point.exported", "malar.agent.metric_points.exported");
    NAMES.put("otel.sdk.exporter.metric_data_point.inflight", "malar.agent.metric_points.inflight");
    // one per export request, per signal; error.type names the reason of a failure
    NAMES.put("otel.sdk.exporter.operation.duration", "malar.agent.export.duration");
  }

  /**
   * Recorded on the application's thread for every span (started, then live up at its start and
   * down at its end: three counter updates per span, each a lookup of its attributes), and not
   * about export health; dropped, the SDK records nothing for them.
   */
  private static final String[] PER_SPAN = {"otel.sdk.span.started", "otel.sdk.span.live"};

  private ExportSelfMetrics() {}

  static SdkMeterProviderBuilder rename(SdkMeterProviderBuilder meters) {
    NAMES.forEach(
        (sdkName, agentName) ->
            meters.registerView(
                InstrumentSelector.builder().setName(sdkName).build(), View.builder().setName(agentName).build()));
    for (String sdkName : PER_SPAN) {
      meters.registerView(
          InstrumentSelector.builder().setName(sdkName).build(), View.builder().setAggregation(Aggregation.drop()).build());
    }
    return meters;
  }
}
