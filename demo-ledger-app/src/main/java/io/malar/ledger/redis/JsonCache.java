package io.malar.ledger.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.malar.ledger.http.JsonResponses;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/** A read-through cache of JSON values in Redis under {@code prefix + key}, each kept for a fixed time. */
public final class JsonCache<T> {
  private final Redis redis;
  private final String prefix;
  private final long ttlSeconds;
  private final Class<T> type;

  public JsonCache(Redis redis, String prefix, long ttlSeconds, Class<T> type) {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlSeconds = ttlSeconds;
    this.type = type;
  }

  /** The cached value, else {@code load}'s, which is then cached; a null load is not cached. */
  @SuppressWarnings("deprecation") // SETEX: deprecated in Jedis 8 for SET EX, still what most caches send
  public T get(Object key, Supplier<T> load) {
    String redisKey = prefix + key;
    try (Jedis jedis = redis.connection()) {
      String cached = jedis.get(redisKey);
      if (cached != null) {
        return JsonResponses.MAPPER.readValue(cached, type);
      }
      T value = load.get();
      if (value != null) {
        jedis.setex(redisKey, ttlSeconds, JsonResponses.MAPPER.writeValueAsString(value));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot (de)serialize " + type.getSimpleName() + " for " + redisKey, e);
    }
  }

  public void evict(Object key) {
    try (Jedis jedis = redis.connection()) {
      jedis.del(prefix + key);
    }
  }
}
