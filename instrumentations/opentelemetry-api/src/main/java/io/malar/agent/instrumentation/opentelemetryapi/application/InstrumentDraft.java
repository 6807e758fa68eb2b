package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelMeter;
import java.util.function.Consumer;

/**
 * An instrument as the application's builders describe it: the builders of longs and of doubles
 * share one draft, so a description set before {@code ofDoubles()} is kept.
 */
final class InstrumentDraft {
  private final AgentOtelMeter meter;
  private final Contexts contexts;
  private final String name;
  private String description = "";
  private String unit = "";

  InstrumentDraft(AgentOtelMeter meter, Contexts contexts, String name) {
    this.meter = meter;
    this.contexts = contexts;
    this.name = name;
  }

  void describe(String newDescription) {
    if (newDescription != null) {
      description = newDescription;
    }
  }

  void measureIn(String newUnit) {
    if (newUnit != null) {
      unit = newUnit;
    }
  }

  BridgedInstrument build(String kind, boolean longValues) {
    return new BridgedInstrument(meter.instrument(kind, longValues, name, description, unit), contexts);
  }

  BridgedObservable observe(String kind, boolean longValues, Consumer<? super BridgedMeasurement> callback) {
    return new BridgedObservable(
        meter.observe(kind, longValues, name, description, unit, measurement -> callback.accept(new BridgedMeasurement(measurement))));
  }
}
