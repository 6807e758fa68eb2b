package io.malar.agent.bridge;

import java.util.Map;

/** The agent's span builder; the parent is the current context unless set. */
public interface AgentOtelSpanBuilder {
  void setParent(Object context);

  void setNoParent();

  /** One of {@code SpanKind}'s names. */
  void setSpanKind(String kind);

  void setAttribute(String key, Object value);

  void addLink(AgentOtelSpan linked, Map<String, Object> attributes);

  void setStartTimestamp(long epochNanos);

  AgentOtelSpan start();
}
