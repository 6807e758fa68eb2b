package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.GAUGE;

import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

final class BridgedLongGaugeBuilder implements LongGaugeBuilder {
  private final InstrumentDraft draft;

  BridgedLongGaugeBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @Override
  public LongGaugeBuilder setDescription(String description) {
    draft.describe(description);
    return this;
  }

  @Override
  public LongGaugeBuilder setUnit(String unit) {
    draft.measureIn(unit);
    return this;
  }

  @Override
  public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return draft.observe(GAUGE, true, callback::accept);
  }
}
