package io.malar.agent.instrumentation.jedis;

/** What was queued into one pipeline or transaction since it last flushed. */
final class QueuedCommands {
  private int count;
  private Object connection;
  private Object socket;

  void add(Object sentOn, Object sentThrough) {
    count++;
    if (connection == null) {
      connection = sentOn;
      socket = sentThrough;
    }
  }

  int count() {
    return count;
  }

  /** The connection of the first queued command: a cluster pipeline may span several. */
  Object connection() {
    return connection;
  }

  Object socket() {
    return socket;
  }
}
