package io.malar.agent.bridge;

/** One of the agent's tracers, named by the application's instrumentation scope. */
public interface AgentOtelTracer {
  AgentOtelSpanBuilder spanBuilder(String spanName);
}
