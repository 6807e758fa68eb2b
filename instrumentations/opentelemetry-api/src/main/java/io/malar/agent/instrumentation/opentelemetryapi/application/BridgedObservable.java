package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;

/** Any of the application's asynchronous instruments: closing it unregisters the agent's. */
final class BridgedObservable
    implements ObservableLongCounter,
        ObservableDoubleCounter,
        ObservableLongUpDownCounter,
        ObservableDoubleUpDownCounter,
        ObservableLongGauge,
        ObservableDoubleGauge {
  private final Runnable unregister;

  BridgedObservable(Runnable unregister) {
    this.unregister = unregister;
  }

  @Override
  public void close() {
    unregister.run();
  }
}
