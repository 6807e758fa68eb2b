package io.malar.agent.instrumentation.jedis;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * What the ledger application does with Redis, run inside {@link JedisApplication}'s class loader:
 * each method takes the server's host and port.
 */
@SuppressWarnings("deprecation") // calls that Jedis 4.0 to 8.x all have; the newest deprecate some
public final class JedisWorkloads {
  private JedisWorkloads() {}

  public static void flushAll(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.flushAll();
    }
  }

  public static void commands(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.set("farmer:42", "Lakshmi");
      jedis.get("farmer:42");
      jedis.setex("session:7", 60, "token-secret");
      jedis.lpush("entries:2024-05-01", "jasmine", "marigold");
    }
  }

  public static void commandsJedisWritesItself(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.ping();
      jedis.dbSize();
    }
  }

  public static void pushOntoAString(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.set("price:rose", "12");
      jedis.lpush("price:rose", "13");
    }
  }

  public static void pipeline(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      Pipeline pipeline = jedis.pipelined();
      pipeline.set("stock:rose", "40");
      pipeline.incr("stock:rose");
      pipeline.get("stock:rose");
      pipeline.sync();
      pipeline.close();
    }
  }

  public static int transaction(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      Transaction transaction = jedis.multi();
      transaction.set("settlement:9", "paid");
      transaction.incr("settlements");
      List<Object> results = transaction.exec();
      return results.size();
    }
  }

  public static void discardedTransaction(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      Transaction transaction = jedis.multi();
      transaction.set("settlement:10", "disputed");
      transaction.discard();
    }
  }

  public static void selectThenSet(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.select(2);
      jedis.set("farmer:1", "Murugan");
    }
  }

  public static void pooledClientsOnDatabaseOne(String host, int port) {
    JedisClientConfig config = DefaultJedisClientConfig.builder().database(1).build();
    HostAndPort server = new HostAndPort(host, port);
    try (JedisPool pool = new JedisPool(server, config);
        Jedis pooled = pool.getResource()) {
      pooled.set("notification:3", "sent");
    }
    try (UnifiedJedis client = new UnifiedJedis(new PooledConnectionProvider(server, config), 3, Duration.ofSeconds(5))) {
      client.get("notification:3");
    }
  }

  public static void get(String host, int port) {
    try (Jedis jedis = new Jedis(host, port)) {
      jedis.get("entries:today");
    }
  }
}
