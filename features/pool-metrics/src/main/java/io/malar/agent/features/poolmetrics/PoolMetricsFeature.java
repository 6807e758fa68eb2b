package io.malar.agent.features.poolmetrics;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.pools.ConnectionPools;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Collections;
import java.util.List;

/**
 * The semantic-convention connection-pool metrics ({@code db.client.connection.*}) of the pools
 * the instrumentations found: counts read from each pool when metrics are exported, wait and use
 * times as the pool measures them.
 */
public final class PoolMetricsFeature implements AgentFeature {
  @Override
  public String name() {
    return "pool-metrics";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ConnectionPools.METRICS_ENABLED);
  }


  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (config.bool(ConnectionPools.METRICS_ENABLED)) {
      PoolInstruments.register(sdk.getMeter("io.malar.agent.pool-metrics"), ConnectionPools.shared());
    }
  }
}
