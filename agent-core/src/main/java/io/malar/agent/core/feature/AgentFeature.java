package io.malar.agent.core.feature;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import java.util.List;

/**
 * Something the agent does with the telemetry the instrumentations produce (percentiles, slow-call
 * warnings, error captures...), independent of any one library. Features are found with
 * {@link java.util.ServiceLoader} in the agent's class loader, and mostly plug into the SDK as span
 * processors, so the instrumentations' hooks stay the same whatever features exist.
 */
public interface AgentFeature {
  /** A short name for logs, e.g. {@code percentiles}. */
  String name();

  /** The feature's settings, listed by {@code java -jar malar-agent.jar}. */
  List<Setting> settings();

  /**
   * Adds span processors (through {@link FeatureSpanProcessors#add}, which keeps their errors from
   * the application), metric readers or defaults before the SDK is built; by default nothing.
   */
  default void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {}

  /** Called once the SDK exists (e.g. to create meters); by default nothing. */
  default void started(OpenTelemetrySdk sdk, AgentConfig config) {}
}
