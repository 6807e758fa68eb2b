package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JettyApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.OtlpGrpcReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc} exports over gRPC, as the OpenTelemetry agent does. */
class GrpcExportTest {
  @Test
  void spansArriveOverGrpc() throws Exception {
    try (OtlpGrpcReceiver receiver = OtlpGrpcReceiver.start();
        AgentApp app =
            AgentApp.main(JettyApp.class)
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                .start()) {
      assertThat(app.stderr()).contains("\"traces_exporter\":\"otlp grpc " + receiver.endpoint() + "\"");
      assertThat(Http.get(app.port(), "/api/v1/farmers/42").statusCode()).isEqualTo(200);

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (receiver.spans().stream().noneMatch(GrpcExportTest::isFarmerRequest) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(receiver.spans()).as(app.output()).anyMatch(GrpcExportTest::isFarmerRequest);
    }
  }

  private static boolean isFarmerRequest(Span span) {
    return span.getName().equals("GET /api/v1/farmers/*") && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER;
  }
}
