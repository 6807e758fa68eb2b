package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.COUNTER;

import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

final class BridgedLongCounterBuilder extends DescribedBuilder<LongCounterBuilder> implements LongCounterBuilder {
  BridgedLongCounterBuilder(InstrumentDraft draft) {
    super(draft);
  }

  @Override
  public DoubleCounterBuilder ofDoubles() {
    return new BridgedDoubleCounterBuilder(draft);
  }

  @Override
  public LongCounter build() {
    return draft.build(COUNTER, true);
  }

  @Override
  public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return draft.observe(COUNTER, true, callback::accept);
  }
}
