package io.malar.agent.tests.support;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server (shipped in a Maven artifact) on a free port of 127.0.0.1. */
public final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static EmbeddedRedis start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
    server.start();
    return new EmbeddedRedis(server, port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
