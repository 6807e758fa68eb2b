package io.malar.agent.features.percentiles;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SummaryData;
import io.opentelemetry.sdk.resources.Resource;

/** One family's keys as an OTLP Summary metric (the SDK has public data types but no public MetricData factory). */
final class SummaryMetric implements MetricData {
  static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.create("io.malar.agent.percentiles");

  private final Resource resource;
  private final KeyFamily family;
  private final SummaryData data;

  SummaryMetric(Resource resource, KeyFamily family, SummaryData data) {
    this.resource = resource;
    this.family = family;
    this.data = data;
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return SCOPE;
  }

  @Override
  public String getName() {
    return family.metricName();
  }

  @Override
  public String getDescription() {
    return family.description();
  }

  @Override
  public String getUnit() {
    return "s";
  }

  @Override
  public MetricDataType getType() {
    return MetricDataType.SUMMARY;
  }

  @Override
  public Data<?> getData() {
    return data;
  }
}
