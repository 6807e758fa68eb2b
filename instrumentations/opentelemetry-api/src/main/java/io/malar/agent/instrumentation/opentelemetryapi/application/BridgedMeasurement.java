package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelMeasurement;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.Collections;

/** Where the application's callback records, for the agent's asynchronous instrument. */
final class BridgedMeasurement implements ObservableLongMeasurement, ObservableDoubleMeasurement {
  private final AgentOtelMeasurement measurement;

  BridgedMeasurement(AgentOtelMeasurement measurement) {
    this.measurement = measurement;
  }

  @Override
  public void record(long value) {
    measurement.record(value, Collections.emptyMap());
  }

  @Override
  public void record(long value, Attributes attributes) {
    measurement.record(value, ApplicationAttributes.toMap(attributes));
  }

  @Override
  public void record(double value) {
    measurement.record(value, Collections.emptyMap());
  }

  @Override
  public void record(double value, Attributes attributes) {
    measurement.record(value, ApplicationAttributes.toMap(attributes));
  }
}
