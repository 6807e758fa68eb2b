package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.core.util.WeakIdentityMap;

/**
 * The database each connection (Netty channel) is on, from the SELECTs written on it: the
 * handshake's for a URI with a database, the application's own. Redis runs a connection's commands
 * in the order they were written, so a command written after a SELECT runs in its database.
 */
final class ConnectionDatabases {
  private final WeakIdentityMap<Object, Integer> selected = new WeakIdentityMap<>();

  void selected(Object connection, int index) {
    if (connection != null) {
      selected.put(connection, index);
    }
  }

  /** The database of {@code connection}; 0 for one that never selected another. */
  int of(Object connection) {
    Integer index = connection == null ? null : selected.get(connection);
    return index == null ? 0 : index;
  }
}
