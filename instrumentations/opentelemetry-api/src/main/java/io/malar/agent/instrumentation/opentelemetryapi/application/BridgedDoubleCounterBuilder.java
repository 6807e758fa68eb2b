package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.COUNTER;

import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.function.Consumer;

final class BridgedDoubleCounterBuilder implements DoubleCounterBuilder {
  private final InstrumentDraft draft;

  BridgedDoubleCounterBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public DoubleCounterBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public DoubleCounterBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
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
