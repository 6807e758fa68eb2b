package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.UP_DOWN_COUNTER;

import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import java.util.function.Consumer;

final class BridgedDoubleUpDownCounterBuilder implements DoubleUpDownCounterBuilder {
  private final InstrumentDraft draft;

  BridgedDoubleUpDownCounterBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public DoubleUpDownCounterBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public DoubleUpDownCounterBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
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
