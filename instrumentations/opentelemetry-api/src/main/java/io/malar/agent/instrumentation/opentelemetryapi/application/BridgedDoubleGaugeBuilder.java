package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.GAUGE;

import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.function.Consumer;

final class BridgedDoubleGaugeBuilder extends DescribedBuilder<DoubleGaugeBuilder> implements DoubleGaugeBuilder {
  BridgedDoubleGaugeBuilder(InstrumentDraft draft) {
    super(draft);
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
