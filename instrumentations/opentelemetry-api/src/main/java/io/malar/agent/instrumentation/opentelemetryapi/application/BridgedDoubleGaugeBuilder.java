package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.GAUGE;

import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.function.Consumer;

final class BridgedDoubleGaugeBuilder implements DoubleGaugeBuilder {
  private final InstrumentDraft draft;

  BridgedDoubleGaugeBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public DoubleGaugeBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public DoubleGaugeBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
  }

  @Override
  public LongGaugeBuilder ofLongs() {
    return new BridgedLongGaugeBuilder(draft);
  }

  @Override
  public ObservableDoubleGauge buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
    return draft.observe(GAUGE, false, callback::accept);
  }
}
