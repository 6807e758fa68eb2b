package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.bridge.OtelApiFactory;
import java.util.Arrays;
import java.util.List;

/** The helpers' entry point: the application's OpenTelemetry and context storage over the agent's. */
public final class ApplicationApiFactory implements OtelApiFactory {
  /** Every other helper class. */
  static final List<Class<?>> HELPERS =
      Arrays.asList(
          ApplicationAttributes.class,
          BridgedContext.class,
          BridgedContextStorage.class,
          BridgedDoubleCounterBuilder.class,
          BridgedDoubleGaugeBuilder.class,
          BridgedDoubleHistogramBuilder.class,
          BridgedDoubleUpDownCounterBuilder.class,
          BridgedInstrument.class,
          BridgedLongCounterBuilder.class,
          BridgedLongGaugeBuilder.class,
          BridgedLongHistogramBuilder.class,
          BridgedLongUpDownCounterBuilder.class,
          BridgedMeasurement.class,
          BridgedMeter.class,
          BridgedMeterBuilder.class,
          BridgedMeterProvider.class,
          BridgedObservable.class,
          BridgedOpenTelemetry.class,
          BridgedSpan.class,
          BridgedSpanBuilder.class,
          BridgedTracer.class,
          BridgedTracerBuilder.class,
          BridgedTracerProvider.class,
          Contexts.class,
          DescribedBuilder.class,
          InstrumentDraft.class,
          SpanKeyCatcher.class);

  /**
   * Links every helper against the application's API now: one that cannot fails here, where the
   * agent then leaves that API alone, rather than later in one of the application's calls.
   */
  public ApplicationApiFactory() throws ClassNotFoundException {
    for (Class<?> helper : HELPERS) {
      Class.forName(helper.getName(), true, helper.getClassLoader());
    }
  }

  @Override
  public Object openTelemetry(AgentOtel agent) {
    return new BridgedOpenTelemetry(new Contexts(agent));
  }

  @Override
  public Object contextStorage(AgentOtel agent) {
    return new BridgedContextStorage(new Contexts(agent));
  }
}
