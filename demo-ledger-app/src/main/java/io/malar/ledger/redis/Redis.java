package io.malar.ledger.redis;

import io.malar.ledger.LedgerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.embedded.RedisServer;

/**
 * The ledger's Redis: LEDGER_REDIS_URL when set, else a redis-server of its own on a free port of
 * 127.0.0.1 (no persistence), stopped with the ledger.
 */
// JedisPool is deprecated in Jedis 8 for RedisClient; the pool is what Jedis 4 to 8 applications use
@SuppressWarnings("deprecation")
public final class Redis implements AutoCloseable {
  private final JedisPool pool;
  private final RedisServer embedded;
  private final String description;

  private Redis(JedisPool pool, RedisServer embedded, String description) {
    this.pool = pool;
    this.embedded = embedded;
    this.description = description;
  }

  public static Redis open(LedgerConfig config) {
    JedisPoolConfig poolConfig = new JedisPoolConfig();
    poolConfig.setMaxTotal(16);
    String url = config.redisUrl();
    if (url != null) {
      return new Redis(new JedisPool(poolConfig, URI.create(url)), null, url);
    }
    int port = freePort();
    RedisServer server;
    try {
      server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded redis-server on port " + port, e);
    }
    return new Redis(new JedisPool(poolConfig, "127.0.0.1", port), server,
        "embedded redis-server on 127.0.0.1:" + port);
  }

  /** A pooled connection; close it to return it. */
  public Jedis connection() {
    return pool.getResource();
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded redis-server", e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
