package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.UP_DOWN_COUNTER;

import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.function.Consumer;

final class BridgedLongUpDownCounterBuilder extends DescribedBuilder<LongUpDownCounterBuilder> implements LongUpDownCounterBuilder {
  BridgedLongUpDownCounterBuilder(InstrumentDraft draft) {
    super(draft);
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
