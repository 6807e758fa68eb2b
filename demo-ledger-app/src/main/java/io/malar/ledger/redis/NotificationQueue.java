package io.malar.ledger.redis;

import java.util.List;
import redis.clients.jedis.Jedis;

/** The Redis list of notification ids waiting to be sent: pushed on the left, taken from the right. */
public final class NotificationQueue {
  private static final String KEY = "queue:notifications";

  private final Redis redis;

  public NotificationQueue(Redis redis) {
    this.redis = redis;
  }

  public void push(long notificationId) {
    try (Jedis jedis = redis.connection()) {
      jedis.lpush(KEY, Long.toString(notificationId));
    }
  }

  /** The next id, waiting up to {@code timeoutSeconds}; null when none arrived. */
  public Long take(int timeoutSeconds) {
    try (Jedis jedis = redis.connection()) {
      List<String> popped = jedis.brpop(timeoutSeconds, KEY);
      return popped == null || popped.isEmpty() ? null : Long.valueOf(popped.get(1));
    }
  }

  public long depth() {
    try (Jedis jedis = redis.connection()) {
      return jedis.llen(KEY);
    }
  }
}
