package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.HISTOGRAM;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

final class BridgedDoubleHistogramBuilder implements DoubleHistogramBuilder {
  private final InstrumentDraft draft;

  BridgedDoubleHistogramBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public DoubleHistogramBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public DoubleHistogramBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
  }

  @Override
  public LongHistogramBuilder ofLongs() {
    return new BridgedLongHistogramBuilder(draft);
  }

  @Override
  public DoubleHistogram build() {
    return draft.build(HISTOGRAM, false);
  }
}
