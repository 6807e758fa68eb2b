package io.malar.agent.features.slowcalls;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.FeatureSpanProcessors;
import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.util.List;

/**
 * Slow queries, slow Redis commands, slow requests and N+1 statements: warning lines on the agent
 * log that name the application frame, events and code attributes on the spans, and counters.
 */
public final class SlowCallsFeature implements AgentFeature {
  private SlowCallsProcessor processor;

  @Override
  public String name() {
    return "slow-calls";
  }

  @Override
  public List<Setting> settings() {
    return SlowCallsSettings.all();
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (!config.bool(SlowCallsSettings.ENABLED)) {
      return;
    }
    SlowCallsProcessor created =
        new SlowCallsProcessor(
            SlowCallsSettings.thresholds(config), new CallSiteFinder(SkippedFrames.defaults()), AgentLog::warn, System::nanoTime);
    processor = created;
    FeatureSpanProcessors.add(sdk, this, created);
  }

  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (processor != null) {
      processor.meter(sdk.getMeter("io.malar.agent.slow-calls"));
    }
  }
}
