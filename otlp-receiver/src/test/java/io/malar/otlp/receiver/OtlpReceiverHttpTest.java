package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpReceiverHttpTest {

  private static final String PROTOBUF = "application/x-protobuf";

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start(0);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void bindsLoopbackOnly() {
    assertThat(receiver.endpoint()).isEqualTo("http://127.0.0.1:" + receiver.port());
    assertThat(receiver.port()).isPositive();
  }

  @Test
  void answersValidExportWithEmptyProtobufResponse() throws Exception {
    HttpResponse<byte[]> response =
        post("/v1/traces", PROTOBUF, ExportTraceServiceRequest.getDefaultInstance().toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    assertThat(response.body()).isEmpty();
    assertThat(receiver.traceRequests()).hasSize(1);
  }

  @Test
  void rejectsJsonWith415() throws Exception {
    HttpResponse<byte[]> response =
        post("/v1/traces", "application/json", "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(text(response)).contains("application/json", PROTOBUF);
    assertThat(receiver.traceRequests()).isEmpty();
  }

  @Test
  void rejectsUndecodableProtobufWith400() throws Exception {
    // field 1, length-delimited, claims 16 bytes but carries one
    byte[] truncated = {0x0A, 0x10, 0x01};

    HttpResponse<byte[]> response = post("/v1/metrics", PROTOBUF, truncated);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(text(response)).contains("ExportMetricsServiceRequest");
    assertThat(receiver.metricRequests()).isEmpty();
  }

  @Test
  void rejectsBrokenGzipWith400() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/logs"))
        .header("Content-Type", PROTOBUF)
        .header("Content-Encoding", "gzip")
        .POST(BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4}))
        .build();

    HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(text(response)).contains("gzip");
  }

  @Test
  void acceptsGzippedBody() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
        .header("Content-Type", PROTOBUF)
        .header("Content-Encoding", "gzip")
        .POST(BodyPublishers.ofByteArray(gzip(ExportTraceServiceRequest.getDefaultInstance().toByteArray())))
        .build();

    assertThat(client.send(request, BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
    assertThat(receiver.traceRequests()).hasSize(1);
  }

  @Test
  void rejectsGetWith405() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces")).GET().build();

    HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void rejectsUnknownPathWith404() throws Exception {
    HttpResponse<byte[]> response = post("/v1/profiles", PROTOBUF, new byte[0]);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(text(response)).contains("/v1/traces");
  }

  @Test
  void simulatedStatusIsCountedButNothingIsStored() throws Exception {
    receiver.respondWith(503);

    HttpResponse<byte[]> refused =
        post("/v1/traces", PROTOBUF, ExportTraceServiceRequest.getDefaultInstance().toByteArray());

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(receiver.requestCount()).isEqualTo(1);
    assertThat(receiver.traceRequests()).isEmpty();
  }

  private HttpResponse<byte[]> post(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofByteArray(body))
        .build();
    return client.send(request, BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bytes);
    }
    return compressed.toByteArray();
  }
}
