package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelMeter;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;

/**
 * One of the agent's meters, seen through the application's API. Batch callbacks and synchronous
 * gauges stay the API's no-ops.
 */
final class BridgedMeter implements Meter {
  private final AgentOtelMeter meter;
  private final Contexts contexts;

  BridgedMeter(AgentOtelMeter meter, Contexts contexts) {
    this.meter = meter;
    this.contexts = contexts;
  }

  @Override
  public LongCounterBuilder counterBuilder(String name) {
    return new BridgedLongCounterBuilder(draft(name));
  }

  @Override
  public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
    return new BridgedLongUpDownCounterBuilder(draft(name));
  }

  @Override
  public DoubleHistogramBuilder histogramBuilder(String name) {
    return new BridgedDoubleHistogramBuilder(draft(name));
  }

  @Override
  public DoubleGaugeBuilder gaugeBuilder(String name) {
    return new BridgedDoubleGaugeBuilder(draft(name));
  }

  private InstrumentDraft draft(String name) {
    return new InstrumentDraft(meter, contexts, name);
  }
}
