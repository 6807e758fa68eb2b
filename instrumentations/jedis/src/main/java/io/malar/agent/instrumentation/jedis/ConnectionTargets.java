package io.malar.agent.instrumentation.jedis;

import static io.opentelemetry.semconv.DbAttributes.DB_NAMESPACE;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;

import io.malar.agent.core.util.WeakIdentityMap;
import io.opentelemetry.api.trace.Span;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/** Where a connection's commands go: the server it is connected to and its selected database. */
final class ConnectionTargets {
  private static final String[] SMALL_INDEXES = new String[16];

  static {
    for (int i = 0; i < SMALL_INDEXES.length; i++) {
      SMALL_INDEXES[i] = Integer.toString(i);
    }
  }

  private final WeakIdentityMap<Object, Integer> selectedDatabases = new WeakIdentityMap<>();

  void databaseSelected(Object connection, int index) {
    selectedDatabases.put(connection, index);
  }

  /** Adds the server and database attributes; a connection that never selected one is on 0. */
  void describe(Span span, Object connection, Object socket) {
    if (connection != null) {
      Integer selected = selectedDatabases.get(connection);
      span.setAttribute(DB_NAMESPACE, databaseName(selected == null ? 0 : selected));
    }
    SocketAddress remote = socket instanceof Socket ? ((Socket) socket).getRemoteSocketAddress() : null;
    if (remote instanceof InetSocketAddress) {
      InetSocketAddress server = (InetSocketAddress) remote;
      // the host name the client connected with, never a reverse lookup
      span.setAttribute(SERVER_ADDRESS, server.getHostString());
      span.setAttribute(SERVER_PORT, (long) server.getPort());
    }
  }

  private static String databaseName(int index) {
    return index >= 0 && index < SMALL_INDEXES.length ? SMALL_INDEXES[index] : Integer.toString(index);
  }
}
