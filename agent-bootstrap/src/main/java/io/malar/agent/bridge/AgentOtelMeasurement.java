package io.malar.agent.bridge;

import java.util.Map;

/** Where an asynchronous instrument's callback records its observations. */
public interface AgentOtelMeasurement {
  void record(long value, Map<String, Object> attributes);

  void record(double value, Map<String, Object> attributes);
}
