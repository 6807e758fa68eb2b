package io.malar.agent.features.percentiles;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The keys of one kind of call (HTTP server, SQL, Redis), reported as one metric. At most
 * {@code maxKeys} keys of its own: past that, values go to one overflow key and are counted as
 * refused, so a flood of distinct statements cannot grow memory without bound.
 */
final class KeyFamily {
  static final AttributeKey<Boolean> OVERFLOW = AttributeKey.booleanKey("malar.overflow");

  private final String metricName;
  private final String description;
  private final String label;
  private final int maxKeys;
  private final LatencyKey overflow;
  private final LongAdder refused = new LongAdder();
  private final Map<Attributes, LatencyKey> byAttributes = new HashMap<>();
  private volatile List<LatencyKey> keys = Collections.emptyList();

  KeyFamily(String metricName, String description, String label, int maxKeys) {
    this.metricName = metricName;
    this.description = description;
    this.label = label;
    this.maxKeys = maxKeys;
    this.overflow = new LatencyKey(Attributes.of(OVERFLOW, true));
  }

  String metricName() {
    return metricName;
  }

  String description() {
    return description;
  }

  /** A short name for logs and the exit table: {@code http}, {@code sql}, {@code redis}. */
  String label() {
    return label;
  }

  /** True once no new key can be admitted: callers then use {@link #refuse()} without building attributes. */
  boolean full() {
    return keys.size() >= maxKeys;
  }

  LatencyKey overflow() {
    return overflow;
  }

  /** The overflow key, counting one refused value. */
  LatencyKey refuse() {
    refused.increment();
    return overflow;
  }

  /** The key with these attributes, created if the family has room, else the overflow key. */
  synchronized LatencyKey admit(Attributes attributes) {
    LatencyKey key = byAttributes.get(attributes);
    if (key != null) {
      return key;
    }
    if (full()) {
      return refuse();
    }
    key = new LatencyKey(attributes);
    byAttributes.put(attributes, key);
    List<LatencyKey> grown = new ArrayList<>(keys.size() + 1);
    grown.addAll(keys);
    grown.add(key);
    keys = Collections.unmodifiableList(grown);
    return key;
  }

  /** Values that went to the overflow key because the family was full. */
  long refused() {
    return refused.sum();
  }

  /** Every key, the overflow key last. */
  List<LatencyKey> keys() {
    List<LatencyKey> all = new ArrayList<>(keys);
    all.add(overflow);
    return all;
  }

  /** How many keys of its own the family holds (the overflow key not counted). */
  int size() {
    return keys.size();
  }
}
