package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.HISTOGRAM;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

final class BridgedDoubleHistogramBuilder extends DescribedBuilder<DoubleHistogramBuilder> implements DoubleHistogramBuilder {
  BridgedDoubleHistogramBuilder(InstrumentDraft draft) {
    super(draft);
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
