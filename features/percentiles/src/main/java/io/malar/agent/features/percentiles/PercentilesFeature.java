package io.malar.agent.features.percentiles;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.FeatureSpanProcessors;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.metrics.CappedKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Exact latency percentiles per endpoint, per SQL statement and per Redis command, from the spans
 * the instrumentations produce, reported each metric export interval over OTLP (and optionally to
 * a Prometheus scrape endpoint, the agent's log and a table at exit).
 */
public final class PercentilesFeature implements AgentFeature {
  static final Setting ENABLED =
      Setting.flag("malar.agent.percentiles.enabled", "true", "Records exact latency percentiles per endpoint, SQL statement and Redis command.");
  static final Setting LOG =
      Setting.flag("malar.agent.percentiles.log", "false", "Writes one JSON line per export interval with every key's percentiles.");
  static final Setting SUMMARY_ON_EXIT =
      Setting.flag(
          "malar.agent.percentiles.summary-on-exit",
          "false",
          "Prints a table of the whole run's percentiles per key on stderr when the JVM exits.");
  static final Setting PROMETHEUS_PORT =
      new Setting("malar.agent.prometheus.port", "0", "Serves the percentiles at http://HOST:PORT/metrics for Prometheus; 0: no endpoint.", Setting.Form.PORT);
  static final Setting PROMETHEUS_HOST =
      new Setting("malar.agent.prometheus.host", "127.0.0.1", "The address the Prometheus endpoint listens on.");

  private static final String EXPORT_INTERVAL = "otel.metric.export.interval";
  private static final Duration DEFAULT_EXPORT_INTERVAL = Duration.ofMinutes(1);

  private LatencySpanProcessor processor;
  private IntervalSwapper swapper;
  // replaced when the meter provider is built; this one serves a start without a provider
  private ExportPhase exportPhase = new ExportPhase(System.nanoTime());
  private volatile Duration exportInterval = DEFAULT_EXPORT_INTERVAL;

  @Override
  public String name() {
    return "percentiles";
  }

  @Override
  public List<Setting> settings() {
    return Arrays.asList(ENABLED, CappedKeys.MAX_KEYS, LOG, SUMMARY_ON_EXIT, PROMETHEUS_PORT, PROMETHEUS_HOST);
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (!config.bool(ENABLED)) {
      return;
    }
    processor = new LatencySpanProcessor(config.positiveInt(CappedKeys.MAX_KEYS));
    IntervalSwapper.IntervalListener listener =
        config.bool(LOG) ? new PercentilesLog() : (families, start, end) -> {};
    swapper = new IntervalSwapper(processor.families(), listener);
    SummaryMetricProducer producer = new SummaryMetricProducer(processor.families(), swapper.runStartEpochNanos());
    sdk.addPropertiesCustomizer(
        otel -> {
          exportInterval = otel.getDuration(EXPORT_INTERVAL, DEFAULT_EXPORT_INTERVAL);
          return Collections.emptyMap();
        });
    FeatureSpanProcessors.add(sdk, this, processor);
    sdk.addMeterProviderCustomizer(
        (meters, otel) -> {
          // the periodic export schedule starts as this provider is built
          exportPhase = new ExportPhase(System.nanoTime());
          return meters.registerMetricProducer(producer);
        });
  }

  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (processor == null) {
      return;
    }
    try {
      Meter meter = sdk.getMeter("io.malar.agent.percentiles");
      processor.recordSemconvInto(new SemconvHistograms(meter));
      countRefusals(meter, processor.families());
      swapper.start(exportInterval, exportPhase);
      int port = config.port(PROMETHEUS_PORT);
      if (port > 0) {
        startPrometheus(config.string(PROMETHEUS_HOST), port);
      }
      if (config.bool(SUMMARY_ON_EXIT)) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::printRunTable, "malar-agent-percentiles-summary"));
      }
    } catch (Throwable t) { // the rest of the agent runs without whatever did not start
      AgentLog.error("percentiles could not start entirely", "error", String.valueOf(t));
    }
  }

  private static void countRefusals(Meter meter, List<KeyFamily> families) {
    AttributeKey<String> family = AttributeKey.stringKey("malar.family");
    meter.counterBuilder("malar.latency.refused")
        .setDescription("Values recorded under the overflow key because their family had reached its key cap")
        .buildWithCallback(
            counter -> {
              for (KeyFamily each : families) {
                counter.record(each.refused(), Attributes.of(family, each.label()));
              }
            });
  }

  private void startPrometheus(String host, int port) {
    try {
      PrometheusEndpoint endpoint = PrometheusEndpoint.start(host, port, new PrometheusExposition(processor.families())::write);
      AgentLog.info("Prometheus endpoint serving latency percentiles", "url", "http://" + host + ":" + endpoint.address().getPort() + "/metrics");
    } catch (IOException | RuntimeException e) {
      AgentLog.warn(
          "the Prometheus endpoint could not start; percentiles still go over OTLP",
          "key", PROMETHEUS_PORT.key(), "host", host, "port", port, "error", String.valueOf(e));
    }
  }

  private void printRunTable() {
    try {
      swapper.stop();
      System.err.print(swapper.runTable());
      System.err.flush();
    } catch (Throwable t) {
      AgentLog.error("percentiles could not print the run's summary", "error", String.valueOf(t));
    }
  }
}
