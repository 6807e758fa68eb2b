package io.malar.agent.bridge;

import java.util.List;
import java.util.Map;

/** One of the agent's spans. A timestamp below zero means now. */
public interface AgentOtelSpan {
  String traceId();

  String spanId();

  byte traceFlags();

  /** The trace state: keys and values alternating, in the order {@link AgentOtel#wrap} takes them. */
  List<String> traceState();

  boolean isRemote();

  boolean isRecording();

  void setAttribute(String key, Object value);

  void addEvent(String name, Map<String, Object> attributes, long epochNanos);

  /** One of {@code StatusCode}'s names. */
  void setStatus(String code, String description);

  void recordException(Throwable exception, Map<String, Object> attributes);

  void addLink(AgentOtelSpan linked, Map<String, Object> attributes);

  void updateName(String name);

  void end(long epochNanos);
}
