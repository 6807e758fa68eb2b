package io.malar.agent.core.metrics;

import io.malar.agent.core.config.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The keys of one metric family (a latency family, the Redis key patterns...), at most {@code
 * maxKeys} of their own: past that, values go to one overflow value and are counted as refused,
 * so a flood of distinct keys cannot grow memory or a backend's series without bound.
 *
 * @param <K> what identifies a key (its attributes, a pattern)
 * @param <V> what the family keeps per key
 */
public final class CappedKeys<K, V> {
  /** The one cap every keyed family of the agent reads. */
  public static final Setting MAX_KEYS =
      Setting.positiveInt(
          "malar.agent.percentiles.max-keys",
          "1000",
          "Keys per family (HTTP server, SQL, Redis latencies; Redis cache key patterns); past it values go"
              + " to one overflow key (malar.overflow=true; key pattern other).");

  private final int maxKeys;
  private final V overflow;
  private final LongAdder refused = new LongAdder();
  private final Map<K, V> byKey = new ConcurrentHashMap<>();
  private volatile List<V> values = Collections.emptyList();

  public CappedKeys(int maxKeys, V overflow) {
    this.maxKeys = maxKeys;
    this.overflow = overflow;
  }

  /** True once no new key can be admitted: callers then use {@link #refuse()} without building a key. */
  public boolean full() {
    return values.size() >= maxKeys;
  }

  public V overflow() {
    return overflow;
  }

  /** The overflow value, counting one refused value. */
  public V refuse() {
    refused.increment();
    return overflow;
  }

  /** The value for {@code key}, made by {@code create} if the family has room, else the overflow value. */
  public V admit(K key, Function<K, V> create) {
    V value = byKey.get(key);
    return value != null ? value : admitNew(key, create);
  }

  private synchronized V admitNew(K key, Function<K, V> create) {
    V value = byKey.get(key);
    if (value != null) {
      return value;
    }
    if (full()) {
      return refuse();
    }
    value = create.apply(key);
    byKey.put(key, value);
    List<V> grown = new ArrayList<>(values.size() + 1);
    grown.addAll(values);
    grown.add(value);
    values = Collections.unmodifiableList(grown);
    return value;
  }

  /** Values that went to the overflow value because the family was full. */
  public long refused() {
    return refused.sum();
  }

  /** Every admitted value, in the order admitted (the overflow value not included). */
  public List<V> values() {
    return values;
  }

  /** How many keys of its own the family holds. */
  public int size() {
    return values.size();
  }
}
