package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.HISTOGRAM;

import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

final class BridgedLongHistogramBuilder extends DescribedBuilder<LongHistogramBuilder> implements LongHistogramBuilder {
  BridgedLongHistogramBuilder(InstrumentDraft draft) {
    super(draft);
  }

  @Override
  public LongHistogram build() {
    return draft.build(HISTOGRAM, true);
  }
}
