package io.malar.agent.features.slowcalls;

/** Where warning lines go: the agent log, or a list in tests. */
interface WarningSink {
  /** One line: a message, then alternating field names and values. */
  void warn(String message, Object... fields);
}
