package io.malar.otlp.receiver;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/** One-line descriptions of export requests, e.g. "metrics: metrics=3 points=7". */
final class ExportSummaries {

  private ExportSummaries() {}

  static String of(ExportTraceServiceRequest request) {
    long spans = request.getResourceSpansList().stream()
        .flatMap(resource -> resource.getScopeSpansList().stream())
        .mapToLong(ScopeSpans::getSpansCount)
        .sum();
    return "traces: spans=" + spans;
  }

  static String of(ExportMetricsServiceRequest request) {
    long metrics = 0;
    long points = 0;
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          metrics++;
          points += dataPoints(metric);
        }
      }
    }
    return "metrics: metrics=" + metrics + " points=" + points;
  }

  static String of(ExportLogsServiceRequest request) {
    long records = request.getResourceLogsList().stream()
        .flatMap(resource -> resource.getScopeLogsList().stream())
        .mapToLong(ScopeLogs::getLogRecordsCount)
        .sum();
    return "logs: records=" + records;
  }

  private static int dataPoints(Metric metric) {
    switch (metric.getDataCase()) {
      case GAUGE:
        return metric.getGauge().getDataPointsCount();
      case SUM:
        return metric.getSum().getDataPointsCount();
      case HISTOGRAM:
        return metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM:
        return metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY:
        return metric.getSummary().getDataPointsCount();
      default:
        return 0;
    }
  }
}
