package io.malar.agent.bridge;

import java.util.function.Consumer;

/** One of the agent's meters; instruments are of longs or of doubles. */
public interface AgentOtelMeter {
  String COUNTER = "counter";
  String UP_DOWN_COUNTER = "up-down-counter";
  /** Synchronous only. */
  String HISTOGRAM = "histogram";
  /** Asynchronous only. */
  String GAUGE = "gauge";

  AgentOtelInstrument instrument(String kind, boolean longValues, String name, String description, String unit);

  /** Registers an asynchronous instrument; running the result unregisters it. */
  Runnable observe(
      String kind, boolean longValues, String name, String description, String unit, Consumer<AgentOtelMeasurement> callback);
}
