package io.malar.agent.features.percentiles;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Arrays;
import java.util.List;

/**
 * The semantic-convention duration histograms, in seconds with the conventions' bucket
 * boundaries, so dashboards built for them work unchanged.
 */
final class SemconvHistograms {
  private static final List<Double> HTTP_BOUNDARIES =
      Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final List<Double> DB_BOUNDARIES = Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private final DoubleHistogram httpServer;
  private final DoubleHistogram dbClient;

  SemconvHistograms(Meter meter) {
    httpServer =
        meter.histogramBuilder("http.server.request.duration")
            .setUnit("s")
            .setDescription("Duration of HTTP server requests.")
            .setExplicitBucketBoundariesAdvice(HTTP_BOUNDARIES)
            .build();
    dbClient =
        meter.histogramBuilder("db.client.operation.duration")
            .setUnit("s")
            .setDescription("Duration of database client operations.")
            .setExplicitBucketBoundariesAdvice(DB_BOUNDARIES)
            .build();
  }

  void record(SpanKind kind, long nanos, Attributes attributes) {
    (kind == SpanKind.SERVER ? httpServer : dbClient).record(nanos / 1e9, attributes);
  }
}
