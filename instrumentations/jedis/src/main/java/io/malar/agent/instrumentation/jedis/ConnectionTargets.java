package io.malar.agent.instrumentation.jedis;

import io.malar.agent.core.redis.RedisSpans;
import io.malar.agent.core.util.WeakIdentityMap;
import io.opentelemetry.api.trace.Span;
import java.net.Socket;

/** Where a connection's commands go: the server it is connected to and its selected database. */
final class ConnectionTargets {
  private final WeakIdentityMap<Object, Integer> selectedDatabases = new WeakIdentityMap<>();

  void databaseSelected(Object connection, int index) {
    selectedDatabases.put(connection, index);
  }

  /** Adds the server and database attributes; a connection that never selected one is on 0. */
  void describe(Span span, Object connection, Object socket) {
    if (connection != null) {
      Integer selected = selectedDatabases.get(connection);
      RedisSpans.database(span, selected == null ? 0 : selected);
    }
    if (socket instanceof Socket) {
      RedisSpans.server(span, ((Socket) socket).getRemoteSocketAddress());
    }
  }
}
