package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportMemoryModeTest {
  @Test
  void exportsOverHttpReuseTheirMarshalers() {
    assertThat(ExportMemoryMode.choose(DefaultConfigProperties.createFromMap(Map.of())))
        .containsExactly(Map.entry(ExportMemoryMode.KEY, "reusable_data"));
    assertThat(chosenFor(Map.of("otel.exporter.otlp.protocol", "http/protobuf"))).isEqualTo("reusable_data");
  }

  @Test
  void anySignalOverGrpcMakesEveryExportImmutable() {
    assertThat(chosenFor(Map.of("otel.exporter.otlp.protocol", "grpc"))).isEqualTo("immutable_data");
    assertThat(chosenFor(Map.of("otel.exporter.otlp.metrics.protocol", "grpc"))).isEqualTo("immutable_data");
  }

  @Test
  void aUsersChoiceIsLeftAsItIs() {
    assertThat(
            ExportMemoryMode.choose(
                DefaultConfigProperties.createFromMap(
                    Map.of(ExportMemoryMode.KEY, "reusable_data", "otel.exporter.otlp.protocol", "grpc"))))
        .isEmpty();
  }

  private static String chosenFor(Map<String, String> properties) {
    return ExportMemoryMode.choose(DefaultConfigProperties.createFromMap(properties)).get(ExportMemoryMode.KEY);
  }
}
