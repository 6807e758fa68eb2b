package io.malar.agent.features.percentiles;

import io.opentelemetry.api.common.Attributes;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The same figures as the OTLP summaries in the Prometheus text format, written by the Prometheus
 * client library: names and labels as the OpenTelemetry Collector's Prometheus exporter makes
 * them ({@code malar_http_server_latency_seconds{http_route="/x",quantile="0.99"}}).
 */
final class PrometheusExposition {
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
  private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();
  private static final double MICROS_PER_SECOND = 1e6;

  private final List<KeyFamily> families;

  PrometheusExposition(List<KeyFamily> families) {
    this.families = families;
  }

  void write(OutputStream out) throws IOException {
    MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
    CounterSnapshot.Builder refused =
        CounterSnapshot.builder().name("malar_latency_refused").help("Values recorded under the overflow key because their family had reached its key cap");
    for (KeyFamily family : families) {
      SummarySnapshot.Builder summary = SummarySnapshot.builder().name(name(family.metricName()) + "_seconds").help(family.description());
      for (LatencyKey key : family.keys()) {
        IntervalStats stats = key.latest();
        if (stats.runCount() > 0) {
          summary.dataPoint(
              SummarySnapshot.SummaryDataPointSnapshot.builder()
                  .labels(labels(key.attributes()))
                  .quantiles(quantiles(stats))
                  .count(stats.runCount())
                  .sum(stats.runSumMicros() / MICROS_PER_SECOND)
                  .build());
        }
      }
      snapshots.metricSnapshot(summary.build());
      refused.dataPoint(
          CounterSnapshot.CounterDataPointSnapshot.builder().labels(Labels.of("malar_family", family.label())).value(family.refused()).build());
    }
    snapshots.metricSnapshot(refused.build());
    WRITER.write(out, snapshots.build(), EscapingScheme.UNDERSCORE_ESCAPING);
  }

  private static Quantiles quantiles(IntervalStats stats) {
    if (!stats.hasQuantiles()) {
      return Quantiles.EMPTY;
    }
    List<Quantile> quantiles = new ArrayList<>(IntervalStats.QUANTILES.length);
    for (int i = 0; i < IntervalStats.QUANTILES.length; i++) {
      quantiles.add(new Quantile(IntervalStats.QUANTILES[i], stats.quantileMicros(i) / MICROS_PER_SECOND));
    }
    return Quantiles.of(quantiles);
  }

  private static Labels labels(Attributes attributes) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    attributes.forEach(
        (key, value) -> {
          names.add(name(key.getKey()));
          values.add(String.valueOf(value));
        });
    return Labels.of(names, values);
  }

  private static String name(String otelName) {
    return otelName.replace('.', '_');
  }
}
