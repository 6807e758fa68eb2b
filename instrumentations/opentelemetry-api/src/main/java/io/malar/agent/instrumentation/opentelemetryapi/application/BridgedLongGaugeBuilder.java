package io.malar.agent.instrumentation.opentelemetryapi.application;

import static io.malar.agent.bridge.AgentOtelMeter.GAUGE;

import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

final class BridgedLongGaugeBuilder extends DescribedBuilder<LongGaugeBuilder> implements LongGaugeBuilder {
  BridgedLongGaugeBuilder(InstrumentDraft draft) {
    super(draft);
  }

  @Override
  public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return draft.observe(GAUGE, true, callback::accept);
  }
}
