package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.HISTOGRAM;

import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

final class BridgedLongHistogramBuilder implements LongHistogramBuilder {
  private final InstrumentDraft draft;

  BridgedLongHistogramBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public LongHistogramBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public LongHistogramBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
  }

  @Override
  public LongHistogram build() {
    return draft.build(HISTOGRAM, true);
  }
}
