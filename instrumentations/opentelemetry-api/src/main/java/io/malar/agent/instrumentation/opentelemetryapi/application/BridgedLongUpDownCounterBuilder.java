package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.UP_DOWN_COUNTER;

import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.function.Consumer;

final class BridgedLongUpDownCounterBuilder implements LongUpDownCounterBuilder {
  private final InstrumentDraft draft;

  BridgedLongUpDownCounterBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public LongUpDownCounterBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public LongUpDownCounterBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
  }

  @Override
  public DoubleUpDownCounterBuilder ofDoubles() {
    return new BridgedDoubleUpDownCounterBuilder(draft);
  }

  @Override
  public LongUpDownCounter build() {
    return draft.build(UP_DOWN_COUNTER, true);
  }

  @Override
  public ObservableLongUpDownCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return draft.observe(UP_DOWN_COUNTER, true, callback::accept);
  }
}
