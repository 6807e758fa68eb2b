package io.malar.agent.tests.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;

/**
 * A scripted sequence of Redis reads over two key patterns, {@code farmer:*} (digits) and {@code
 * order:*:items} (a UUID), with 7 hits and 3 misses, plus one miss on a secret-looking key; through
 * Jedis or Lettuce (sync, async and reactive) as the first argument says, against the server of
 * the next two (host, port). Keys carry fresh random ids so a shared server's keys cannot answer.
 */
public final class CacheReadsApp {
  public static final String VALUE = "tuberose-secret-value";

  /** Reads and writes as each client spells them. */
  interface Client extends AutoCloseable {
    void set(String key, String value);

    void hset(String key, String field, String value);

    String get(String key);

    List<String> mget(String... keys);

    String hget(String key, String field);

    long exists(String key);

    void del(String... keys);

    @Override
    void close();
  }

  public static void main(String[] args) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String farmerA = "farmer:" + random.nextLong(1, Long.MAX_VALUE);
    String farmerB = "farmer:" + random.nextLong(1, Long.MAX_VALUE);
    String farmerMissing = "farmer:" + random.nextLong(1, Long.MAX_VALUE);
    String order = "order:" + UUID.randomUUID() + ":items";
    String orderMissing = "order:" + UUID.randomUUID() + ":items";
    String session = "session:" + random.nextLong(1, Long.MAX_VALUE);
    try (Client client = args[0].equals("jedis") ? jedis(args[1], Integer.parseInt(args[2])) : lettuce(args[1], Integer.parseInt(args[2]))) {
      client.set(farmerA, VALUE);
      client.set(farmerB, VALUE);
      client.hset(order, "count", VALUE);
      print("get", client.get(farmerA)); // hit
      print("get", client.get(farmerB)); // hit
      print("get", client.get(farmerMissing)); // miss
      print("mget", client.mget(farmerA, farmerMissing, farmerB)); // hit, miss, hit
      print("hget", client.hget(order, "count")); // hit
      print("hget", client.hget(orderMissing, "count")); // miss
      print("exists", client.exists(order)); // hit
      print("exists", client.exists(farmerA)); // hit
      print("get", client.get(session)); // miss, under other
      client.del(farmerA, farmerB, order);
    }
    System.out.println("DONE");
  }

  private static void print(String command, Object reply) {
    String shown = reply instanceof List
        ? ((List<?>) reply).stream().map(CacheReadsApp::shown).collect(Collectors.joining(",", "[", "]"))
        : shown(reply);
    System.out.println(command + " " + shown);
  }

  private static String shown(Object reply) {
    return reply == null ? "nil" : VALUE.equals(reply) ? "value" : String.valueOf(reply);
  }

  private static Client jedis(String host, int port) {
    Jedis jedis = new Jedis(host, port);
    return new Client() {
      @Override
      public void set(String key, String value) {
        jedis.set(key, value);
      }

      @Override
      public void hset(String key, String field, String value) {
        jedis.hset(key, field, value);
      }

      @Override
      public String get(String key) {
        return jedis.get(key);
      }

      @Override
      public List<String> mget(String... keys) {
        return jedis.mget(keys);
      }

      @Override
      public String hget(String key, String field) {
        return jedis.hget(key, field);
      }

      @Override
      public long exists(String key) {
        return jedis.exists(key) ? 1 : 0;
      }

      @Override
      public void del(String... keys) {
        jedis.del(keys);
      }

      @Override
      public void close() {
        jedis.close();
      }
    };
  }

  /** GET and EXISTS on the sync API, MGET on the async one, HGET on the reactive one. */
  private static Client lettuce(String host, int port) {
    RedisClient redis = RedisClient.create(RedisURI.create(host, port));
    StatefulRedisConnection<String, String> connection = redis.connect();
    return new Client() {
      @Override
      public void set(String key, String value) {
        connection.sync().set(key, value);
      }

      @Override
      public void hset(String key, String field, String value) {
        connection.sync().hset(key, field, value);
      }

      @Override
      public String get(String key) {
        return connection.sync().get(key);
      }

      @Override
      public List<String> mget(String... keys) {
        try {
          return connection.async().mget(keys).get(10, TimeUnit.SECONDS).stream()
              .map(keyValue -> keyValue.getValueOrElse(null))
              .collect(Collectors.toList());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public String hget(String key, String field) {
        return connection.reactive().hget(key, field).block(Duration.ofSeconds(10));
      }

      @Override
      public long exists(String key) {
        return connection.sync().exists(key);
      }

      @Override
      public void del(String... keys) {
        connection.sync().del(keys);
      }

      @Override
      public void close() {
        connection.close();
        redis.shutdown();
      }
    };
  }
}
