package io.malar.agent.features.errors;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.errors.RequestErrors;
import io.malar.agent.core.feature.AgentFeature;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.util.Collections;
import java.util.List;

/**
 * Counts failed requests by route, method and the monitoring guide's error category, with or
 * without Sentry: the error rate by category is then one PromQL division by the request count.
 */
public final class ErrorsFeature implements AgentFeature {
  static final Setting ENABLED =
      Setting.flag(
          "malar.agent.errors-metric.enabled",
          "true",
          "The counter malar.http.server.errors of failed requests by route, method and error category on or off.");

  private FailedCalls failedCalls;

  @Override
  public String name() {
    return "errors-metric";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ENABLED);
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (!config.bool(ENABLED)) {
      return;
    }
    FailedCalls created = new FailedCalls();
    failedCalls = created;
    sdk.addTracerProviderCustomizer((tracerProvider, otelConfig) -> tracerProvider.addSpanProcessor(created));
  }

  @Override
  public void started(OpenTelemetrySdk sdk, AgentConfig config) {
    if (failedCalls != null) {
      RequestErrors.addListener(new ErrorCounter(sdk.getMeter("io.malar.agent.errors"), failedCalls));
    }
  }
}
