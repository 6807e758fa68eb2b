package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.COUNTER;

import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.function.Consumer;

final class BridgedDoubleCounterBuilder extends DescribedBuilder<DoubleCounterBuilder> implements DoubleCounterBuilder {
  BridgedDoubleCounterBuilder(InstrumentDraft draft) {
    super(draft);
  }

  @Override
  public DoubleCounter build() {
    return draft.build(COUNTER, false);
  }

  @Override
  public ObservableDoubleCounter buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
    return draft.observe(COUNTER, false, callback::accept);
  }
}
