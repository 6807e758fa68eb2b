package io.malar.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedErrorsTest {
  private static final String EXPORTED_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String STATEMENT = "GET /api/v1/reports/*";

  @Test
  void groupsEventsByEndpointAndErrorWithATraceToLookUp() {
    List<SentryEndpoint.Event> events = List.of(
        exception(STATEMENT, EXPORTED_TRACE, "business_logic", "java.lang.NullPointerException", "village is null"),
        exception(STATEMENT, "1111111111111111111111111111111f", "business_logic", "java.lang.NullPointerException", "village is null"),
        message("POST /api/v1/entries/*", "2222222222222222222222222222222f", "database", "HTTP 500 POST /api/v1/entries/*"));

    String summary = CapturedErrors.render(events, List.of(span(EXPORTED_TRACE)));

    assertThat(summary).contains("Errors captured for Sentry: 3 events.")
        .containsPattern("  +2  business_logic +GET /api/v1/reports/\\*: java.lang.NullPointerException: village is null\n"
            + " +e\\.g\\. trace " + EXPORTED_TRACE + " \\(exported: its spans are in the traces above\\)\n")
        .containsPattern("  +1  database +POST /api/v1/entries/\\*: HTTP 500 POST /api/v1/entries/\\*\n"
            + " +e\\.g\\. trace 2222222222222222222222222222222f\n");
  }

  @Test
  void saysHowManyWhenThereAreNone() {
    assertThat(CapturedErrors.render(List.of(), List.of())).isEqualTo("\nErrors captured for Sentry: 0 events.\n");
  }

  private static SentryEndpoint.Event exception(String transaction, String trace, String category, String type, String message) {
    // the cause first, as Sentry orders the chain; the last one escaped
    List<Map<String, Object>> chain = List.of(Map.of("type", "java.io.IOException", "value", "cause"), Map.of("type", type, "value", message));
    return event(transaction, trace, category, Map.of("exception", Map.of("values", chain)));
  }

  private static SentryEndpoint.Event message(String transaction, String trace, String category, String formatted) {
    return event(transaction, trace, category, Map.of("message", Map.of("formatted", formatted)));
  }

  private static SentryEndpoint.Event event(String transaction, String trace, String category, Map<String, Object> what) {
    Map<String, Object> json = new HashMap<>(what);
    json.put("transaction", transaction);
    json.put("tags", Map.of("error.category", category));
    json.put("contexts", Map.of("trace", Map.of("trace_id", trace, "span_id", "b7ad6b7169203331")));
    return new SentryEndpoint.Event("1", json);
  }

  private static ReceivedSpan span(String traceId) {
    Span span = Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
        .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}))
        .setName(STATEMENT)
        .build();
    return new ReceivedSpan(span, Resource.getDefaultInstance(), "test");
  }
}
