package io.malar.agent.features.cachemetrics;

import io.malar.agent.bridge.CacheReadHook;
import io.malar.agent.core.metrics.CappedKeys;
import io.malar.agent.core.redis.RedisCommandText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the hits and misses of Redis reads per command and key pattern. Patterns share the
 * agent's key cap: past it, new patterns count as {@code other}.
 */
final class CacheReadCounter implements CacheReadHook {
  static final AttributeKey<String> KEY_PATTERN = PatternAttributes.KEY_PATTERN;

  /** Bounds the remembered command arrays, as {@link RedisCommandText} bounds its names. */
  private static final int MAX_COMMANDS = 1024;

  private final LongCounter hits;
  private final LongCounter misses;
  private final CappedKeys<String, PatternAttributes> patterns;
  // A client's command names are constants, the same arrays on every call: one identity lookup
  // tells a read from another command and gives its counts.
  private final ConcurrentHashMap<byte[], CommandReads> commands = new ConcurrentHashMap<>();
  private final CommandReads notARead = new CommandReads(null, null);

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
    patterns = new CappedKeys<>(maxPatterns, new PatternAttributes(KeyPatterns.OTHER));
  }

  @Override
  public boolean isRead(byte[] command) {
    return readsOf(command) != notARead;
  }

  @Override
  public void replied(byte[] command, List<byte[]> arguments, Object reply) {
    CommandReads reads = readsOf(command);
    if (reads != notARead && !arguments.isEmpty()) {
      reads.shape.count(arguments, reply, reads);
    }
  }

  @Override
  public void repliedEncoded(byte[] command, byte[] arguments, Object reply) {
    replied(command, RespArguments.parse(arguments), reply);
  }

  private CommandReads readsOf(byte[] command) {
    CommandReads reads = command == null ? null : commands.get(command);
    if (reads == null) {
      String name = RedisCommandText.name(command);
      ReadShape shape = ReadShape.of(name);
      reads = shape == null ? notARead : new CommandReads(name, shape);
      if (command != null && commands.size() < MAX_COMMANDS) {
        commands.put(command, reads);
      }
    }
    return reads;
  }

  /** A read command's shape and the counting of its keys' outcomes under its name. */
  private final class CommandReads implements ReadShape.Outcomes {
    private final String name;
    private final ReadShape shape;

    CommandReads(String name, ReadShape shape) {
      this.name = name;
      this.shape = shape;
    }

    @Override
    public void add(byte[] key, boolean hit) {
      String pattern = KeyPatterns.of(key);
      PatternAttributes attributes =
          pattern.equals(KeyPatterns.OTHER) ? patterns.overflow() : patterns.admit(pattern, PatternAttributes::new);
      (hit ? hits : misses).add(1, attributes.of(name));
    }
  }
}
