package io.malar.agent.features.percentiles;

import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JSON line on the agent's log per interval that had values: every key that had some, with its
 * percentiles in microseconds.
 */
final class PercentilesLog implements IntervalSwapper.IntervalListener {
  private static final String[] NAMES = {"p50_us", "p90_us", "p95_us", "p99_us", "p999_us", "max_us"};

  @Override
  public void intervalClosed(List<KeyFamily> families, long startEpochNanos, long endEpochNanos) {
    List<Map<String, Object>> keys = new ArrayList<>();
    for (KeyFamily family : families) {
      for (LatencyKey key : family.keys()) {
        IntervalStats stats = key.latest();
        if (stats.count() == 0) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", family.label());
        entry.put("attributes", attributeMap(key.attributes()));
        entry.put("count", stats.count());
        for (int i = 0; i < NAMES.length; i++) {
          entry.put(NAMES[i], stats.quantileMicros(i));
        }
        keys.add(entry);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    AgentLog.info(
        "latency percentiles",
        "interval_start", instant(startEpochNanos),
        "interval_end", instant(endEpochNanos),
        "keys", keys);
  }

  private static Map<String, Object> attributeMap(Attributes attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    attributes.forEach((key, value) -> map.put(key.getKey(), value));
    return map;
  }

  private static String instant(long epochNanos) {
    return Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(epochNanos)).toString();
  }
}
