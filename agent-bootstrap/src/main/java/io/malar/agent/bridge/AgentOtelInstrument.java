package io.malar.agent.bridge;

import java.util.Map;

/** One of the agent's synchronous instruments; a null context means the current one. */
public interface AgentOtelInstrument {
  void record(long value, Map<String, Object> attributes, Object context);

  void record(double value, Map<String, Object> attributes, Object context);
}
