package io.malar.agent.features.percentiles;

import io.malar.agent.core.metrics.CappedKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one kind of call (HTTP server, SQL, Redis), reported as one metric, under the agent's
 * key cap: past it, values go to one overflow key and are counted as refused.
 */
final class KeyFamily {
  static final AttributeKey<Boolean> OVERFLOW = AttributeKey.booleanKey("malar.overflow");

  private final String metricName;
  private final String description;
  private final String label;
  private final CappedKeys<Attributes, LatencyKey> keys;

  KeyFamily(String metricName, String description, String label, int maxKeys) {
    this.metricName = metricName;
    this.description = description;
    this.label = label;
    this.keys = new CappedKeys<>(maxKeys, new LatencyKey(Attributes.of(OVERFLOW, true)));
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
    return keys.full();
  }

  LatencyKey overflow() {
    return keys.overflow();
  }

  /** The overflow key, counting one refused value. */
  LatencyKey refuse() {
    return keys.refuse();
  }

  /** The key with these attributes, created if the family has room, else the overflow key. */
  LatencyKey admit(Attributes attributes) {
    return keys.admit(attributes, LatencyKey::new);
  }

  /** Values that went to the overflow key because the family was full. */
  long refused() {
    return keys.refused();
  }

  /** Every key, the overflow key last. */
  List<LatencyKey> keys() {
    List<LatencyKey> all = new ArrayList<>(keys.values());
    all.add(keys.overflow());
    return all;
  }

  /** How many keys of its own the family holds (the overflow key not counted). */
  int size() {
    return keys.size();
  }
}
