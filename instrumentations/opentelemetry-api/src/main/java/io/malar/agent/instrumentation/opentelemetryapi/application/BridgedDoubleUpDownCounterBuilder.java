package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.UP_DOWN_COUNTER;

import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import java.util.function.Consumer;

final class BridgedDoubleUpDownCounterBuilder extends DescribedBuilder<DoubleUpDownCounterBuilder> implements DoubleUpDownCounterBuilder {
  BridgedDoubleUpDownCounterBuilder(InstrumentDraft draft) {
    super(draft);
  }

  @Override
  public DoubleUpDownCounter build() {
    return draft.build(UP_DOWN_COUNTER, false);
  }

  @Override
  public ObservableDoubleUpDownCounter buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
    return draft.observe(UP_DOWN_COUNTER, false, callback::accept);
  }
}
