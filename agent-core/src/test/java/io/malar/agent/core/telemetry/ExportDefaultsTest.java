package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExportDefaultsTest {
  @AfterEach
  void clearUserValue() {
    System.clearProperty(ExportDefaults.BATCH_SIZE);
  }

  @Test
  void theAgentsBatchProcessorDefaultsReachTheSdk() {
    ConfigProperties config = configSeenBySdk();

    assertThat(config.getInt(ExportDefaults.QUEUE_SIZE)).isEqualTo(8192);
    assertThat(config.getInt(ExportDefaults.BATCH_SIZE)).isEqualTo(2048);
  }

  @Test
  void aUsersSystemPropertyWinsOverTheAgentsDefault() {
    System.setProperty(ExportDefaults.BATCH_SIZE, "100");

    ConfigProperties config = configSeenBySdk();

    assertThat(config.getInt(ExportDefaults.BATCH_SIZE)).isEqualTo(100);
    assertThat(config.getInt(ExportDefaults.QUEUE_SIZE)).isEqualTo(8192);
  }

  private static ConfigProperties configSeenBySdk() {
    AtomicReference<ConfigProperties> seen = new AtomicReference<>();
    AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(Telemetry::defaults)
        .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none"))
        .addPropertiesCustomizer(
            config -> {
              seen.set(config);
              return Collections.emptyMap();
            })
        .build()
        .getOpenTelemetrySdk()
        .close();
    return seen.get();
  }
}
