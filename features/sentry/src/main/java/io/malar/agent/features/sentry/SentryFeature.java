package io.malar.agent.features.sentry;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.errors.RequestErrors;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.FeatureSpanProcessors;
import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;

/**
 * Sends exceptions that escape a request, and 5xx responses, to Sentry, linked to the request's
 * trace, with the request's context minus anything secret. On only when a DSN is given; without
 * one, not one class of the Sentry SDK is loaded.
 */
public final class SentryFeature implements AgentFeature {
  private final RecentClientCalls recentCalls = new RecentClientCalls();
  private volatile Resource resource = Resource.empty();
  private volatile boolean configured;

  @Override
  public String name() {
    return "sentry";
  }

  @Override
  public List<Setting> settings() {
    return SentrySettings.all();
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (SentryConfig.dsn(config, System.getenv()).isEmpty()) {
      return;
    }
    configured = true;
    sdk.addResourceCustomizer(
        (merged, otelConfig) -> {
          resource = merged;
          return merged;
        });
    FeatureSpanProcessors.add(sdk, this, recentCalls);
  }

  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (!configured) {
      return;
    }
    SentryConfig sentry = SentryConfig.read(config, System.getenv(), resource);
    RequestErrors.Listener reporter;
    try {
      reporter = SentryErrorReporter.connect(sentry, recentCalls, new DroppedEvents(sdk.getMeter("io.malar.agent.sentry")));
    } catch (IllegalArgumentException e) {
      AgentLog.warn(
          "sentry: the DSN cannot be used; errors are not captured",
          "key", SentrySettings.DSN.key(),
          "error", e.getMessage());
      return;
    }
    RequestErrors.addListener(reporter);
    AgentLog.info(
        "sentry: errors are captured",
        "environment", sentry.environment,
        "release", sentry.release,
        "sample_rate", sentry.sampleRate,
        "send_default_pii", sentry.sendDefaultPii);
  }
}
