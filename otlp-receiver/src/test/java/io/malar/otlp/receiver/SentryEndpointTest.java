package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Envelopes as the Sentry SDK sends them: items with and without a length, gzip or not. */
class SentryEndpointTest {
  private static final String EVENT =
      "{\"event_id\":\"4f0c\",\"tags\":{\"error.category\":\"database\"},"
          + "\"exception\":{\"values\":[{\"type\":\"SQLException\"},{\"type\":\"IllegalStateException\"}]},"
          + "\"contexts\":{\"trace\":{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203331\"}},"
          + "\"breadcrumbs\":{\"values\":[{\"message\":\"SELECT farmers\"}]}}";
  private static final String ENVELOPE =
      "{\"event_id\":\"4f0c\"}\n"
          + "{\"type\":\"event\",\"length\":" + EVENT.getBytes(StandardCharsets.UTF_8).length + "}\n" + EVENT + "\n"
          + "{\"type\":\"client_report\"}\n{\"discarded_events\":[]}\n";

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void decodesTheEventsOfGzippedAndPlainEnvelopesPerProject() throws Exception {
    try (SentryEndpoint endpoint = SentryEndpoint.start()) {
      assertThat(post(endpoint, "7", ENVELOPE.getBytes(StandardCharsets.UTF_8), false)).isEqualTo(200);
      assertThat(post(endpoint, "8", gzip(ENVELOPE), true)).isEqualTo(200);

      List<SentryEndpoint.Event> events = endpoint.awaitEvents(event -> true, 2, Duration.ofSeconds(5));
      assertThat(events).extracting(SentryEndpoint.Event::project).containsExactly("7", "8");
      SentryEndpoint.Event event = events.get(1);
      assertThat(event.eventId()).isEqualTo("4f0c");
      assertThat(event.tags()).containsEntry("error.category", "database");
      assertThat(event.exceptions()).extracting(exception -> exception.get("type"))
          .containsExactly("SQLException", "IllegalStateException");
      assertThat(event.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
      assertThat(event.spanId()).isEqualTo("b7ad6b7169203331");
      assertThat(event.breadcrumbs()).extracting(crumb -> crumb.get("message")).containsExactly("SELECT farmers");
      assertThat(endpoint.allReceivedText()).contains("client_report");
      assertThat(endpoint.connections()).isEqualTo(2);
    }
  }

  @Test
  void answersOtherPathsWith404() throws Exception {
    try (SentryEndpoint endpoint = SentryEndpoint.start()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base(endpoint) + "/api/7/store/")).POST(HttpRequest.BodyPublishers.noBody()).build();
      assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
      assertThat(endpoint.connections()).isZero();
    }
  }

  private int post(SentryEndpoint endpoint, String project, byte[] body, boolean gzipped) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base(endpoint) + "/api/" + project + "/envelope/"))
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzipped) {
      request.header("Content-Encoding", "gzip");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** {@code http://127.0.0.1:PORT}, from the DSN. */
  private static String base(SentryEndpoint endpoint) {
    URI dsn = URI.create(endpoint.dsn("7"));
    return "http://127.0.0.1:" + dsn.getPort();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
