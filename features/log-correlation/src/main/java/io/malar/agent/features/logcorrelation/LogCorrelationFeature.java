package io.malar.agent.features.logcorrelation;

import io.malar.agent.bridge.LogCorrelationBridge;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.util.Collections;
import java.util.List;

/**
 * Log correlation: the events the application logs through Logback or Log4j 2 (SLF4J over either
 * included) while a span is current carry its {@code trace_id}, {@code span_id}, {@code
 * trace_flags} and the request's {@code request_id}, added as each event takes its MDC (context
 * data), so the MDC itself is never written and nothing is left behind on the thread.
 */
public final class LogCorrelationFeature implements AgentFeature {
  static final Setting ENABLED =
      Setting.flag(
          "malar.agent.log-correlation.enabled",
          "true",
          "Adds trace_id, span_id, trace_flags and request_id (X-Request-Id) to the MDC of Logback and Log4j 2"
              + " events logged while a span is current.");

  @Override
  public String name() {
    return "log-correlation";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ENABLED);
  }

  /** The ids come from the context alone: installed before the SDK exists, so no event waits for it. */
  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (config.bool(ENABLED)) {
      LogCorrelationBridge.install(new CurrentIds());
    }
  }
}
