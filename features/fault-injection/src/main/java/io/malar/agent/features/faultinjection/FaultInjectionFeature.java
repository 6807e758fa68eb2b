package io.malar.agent.features.faultinjection;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.FeatureSpanProcessors;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Collections;
import java.util.List;

/**
 * For testing only, off by default: a feature that throws from every span's start and end, so a
 * test can show that a broken feature costs the application nothing and the other features and
 * the exporter still get every span.
 */
public final class FaultInjectionFeature implements AgentFeature {
  static final Setting FAIL_EVERY_SPAN =
      Setting.flag(
          "malar.agent.testing.fail-every-span",
          "false",
          "For testing the agent only: a feature that throws on every span, to show it costs the"
              + " application nothing but a counter (malar.agent.feature.failures) and a log line a minute.");

  @Override
  public String name() {
    return "fault-injection";
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(FAIL_EVERY_SPAN);
  }

  @Override
  public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
    if (config.bool(FAIL_EVERY_SPAN)) {
      FeatureSpanProcessors.add(sdk, this, new ThrowingProcessor());
    }
  }

  private static final class ThrowingProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      throw new IllegalStateException("injected failure at the start of " + span.getName());
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      throw new IllegalStateException("injected failure at the end of " + span.getName());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
