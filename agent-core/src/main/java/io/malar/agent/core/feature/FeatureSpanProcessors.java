package io.malar.agent.core.feature;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** How a feature adds a span processor: behind a guard that keeps its errors from the application. */
public final class FeatureSpanProcessors {
  private FeatureSpanProcessors() {}

  public static void add(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentFeature feature, SpanProcessor processor) {
    SpanProcessor guarded = new GuardedSpanProcessor(feature.name(), processor);
    sdk.addTracerProviderCustomizer((tracers, otelConfig) -> tracers.addSpanProcessor(guarded));
  }
}
