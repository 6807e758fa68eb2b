package io.malar.agent.features.cachemetrics;

import io.malar.agent.bridge.CacheReadBridge;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.metrics.CappedKeys;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Collections;
import java.util.List;

/**
 * Cache hit rate from the Redis client instrumentations: each read command whose reply says hit or
 * miss (GET, MGET, HGET, EXISTS...) counts, key by key, under its command and key pattern. Keys
 * never leave the process; other commands cost one lookup.
 */
public final class CacheMetricsFeature implements AgentFeature {
  static final Setting ENABLED =
      Setting.flag(
          "malar.agent.cache-metrics.enabled",
          "true",
          "Counts Redis read hits and misses per command and key pattern (malar.redis.cache.hits, .misses).");

  @Override
  public String name() {
    return "cache-metrics";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ENABLED);
  }


  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (!config.bool(ENABLED)) {
      return;
    }
    try {
      CacheReadBridge.install(
          new CacheReadCounter(sdk.getMeter("io.malar.agent.cache-metrics"), config.positiveInt(CappedKeys.MAX_KEYS)));
    } catch (Throwable t) { // the rest of the agent runs without it
      AgentLog.error("cache metrics could not start", "error", String.valueOf(t));
    }
  }
}
