package io.malar.agent.features.cachemetrics;

import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;

import io.malar.agent.bridge.CacheReadHook;
import io.malar.agent.core.metrics.CappedKeys;
import io.malar.agent.core.redis.RedisCommandText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * Counts the hits and misses of Redis reads per command and key pattern. Patterns share the
 * agent's key cap: past it, new patterns count as {@code other}.
 */
final class CacheReadCounter implements CacheReadHook {
  static final AttributeKey<String> KEY_PATTERN = AttributeKey.stringKey("malar.redis.key.pattern");

  private final LongCounter hits;
  private final LongCounter misses;
  private final CappedKeys<String, String> patterns;

  CacheReadCounter(Meter meter, int maxPatterns) {
    hits =
        meter.counterBuilder("malar.redis.cache.hits")
            .setUnit("{call}")
            .setDescription("Redis reads (per key of a multi-key read) that found their key, field or member")
            .build();
    misses =
        meter.counterBuilder("malar.redis.cache.misses")
            .setUnit("{call}")
            .setDescription("Redis reads (per key of a multi-key read) that found nothing")
            .build();
    patterns = new CappedKeys<>(maxPatterns, KeyPatterns.OTHER);
  }

  @Override
  public boolean isRead(byte[] command) {
    return ReadShape.of(RedisCommandText.name(command)) != null;
  }

  @Override
  public void replied(byte[] command, List<byte[]> arguments, Object reply) {
    String name = RedisCommandText.name(command);
    ReadShape shape = ReadShape.of(name);
    if (shape != null && !arguments.isEmpty()) {
      shape.count(arguments, reply, (key, hit) -> (hit ? hits : misses).add(1, attributes(name, key)));
    }
  }

  @Override
  public void repliedEncoded(byte[] command, byte[] arguments, Object reply) {
    replied(command, RespArguments.parse(arguments), reply);
  }

  private Attributes attributes(String command, byte[] key) {
    String pattern = KeyPatterns.of(key);
    if (!pattern.equals(KeyPatterns.OTHER)) {
      pattern = patterns.admit(pattern, admitted -> admitted);
    }
    return Attributes.of(DB_OPERATION_NAME, command, KEY_PATTERN, pattern);
  }
}
