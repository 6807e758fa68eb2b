package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtelInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.context.Context;
import java.util.Collections;

/**
 * Any of the application's synchronous instruments: counters and up-down counters add, histograms
 * record, and either hands the value to the agent's instrument of the same kind.
 */
final class BridgedInstrument
    implements LongCounter, DoubleCounter, LongUpDownCounter, DoubleUpDownCounter, LongHistogram, DoubleHistogram {
  private final AgentOtelInstrument instrument;
  private final Contexts contexts;

  BridgedInstrument(AgentOtelInstrument instrument, Contexts contexts) {
    this.instrument = instrument;
    this.contexts = contexts;
  }

  @Override
  public void add(long value) {
    instrument.record(value, Collections.emptyMap(), null);
  }

  @Override
  public void add(long value, Attributes attributes) {
    instrument.record(value, ApplicationAttributes.toMap(attributes), null);
  }

  @Override
  public void add(long value, Attributes attributes, Context context) {
    instrument.record(value, ApplicationAttributes.toMap(attributes), agentContext(context));
  }

  @Override
  public void add(double value) {
    instrument.record(value, Collections.emptyMap(), null);
  }

  @Override
  public void add(double value, Attributes attributes) {
    instrument.record(value, ApplicationAttributes.toMap(attributes), null);
  }

  @Override
  public void add(double value, Attributes attributes, Context context) {
    instrument.record(value, ApplicationAttributes.toMap(attributes), agentContext(context));
  }

  @Override
  public void record(long value) {
    add(value);
  }

  @Override
  public void record(long value, Attributes attributes) {
    add(value, attributes);
  }

  @Override
  public void record(long value, Attributes attributes, Context context) {
    add(value, attributes, context);
  }

  @Override
  public void record(double value) {
    add(value);
  }

  @Override
  public void record(double value, Attributes attributes) {
    add(value, attributes);
  }

  @Override
  public void record(double value, Attributes attributes, Context context) {
    add(value, attributes, context);
  }

  // newer APIs ask; older ones never call it
  public boolean isEnabled() {
    return true;
  }

  private Object agentContext(Context context) {
    return context == null ? null : contexts.toAgent(context);
  }
}
