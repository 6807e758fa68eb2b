package io.malar.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportSummaryTest {
  private static final ByteString TRACE = ByteString.copyFrom(new byte[16]);

  @Test
  void countsSpansByKindAndNameAndDrawsTheCacheMissTrace() {
    List<ReceivedSpan> spans = List.of(
        span(1, 0, "GET /api/v1/farmers/*", SpanKind.SPAN_KIND_SERVER, 0, 12_000_000),
        span(2, 1, "GET", SpanKind.SPAN_KIND_CLIENT, 1_000_000, 2_000_000),
        span(3, 1, "SELECT farmers", SpanKind.SPAN_KIND_CLIENT, 3_000_000, 7_500_000),
        span(4, 1, "SETEX", SpanKind.SPAN_KIND_CLIENT, 8_000_000, 9_000_000));

    String summary = ExportSummary.render(spans, 2);

    assertThat(summary).startsWith("The agent exported 4 spans in 1 traces, and 2 metric export requests.");
    assertThat(summary).containsPattern("SERVER +1 +12\\.0 +12\\.0  GET /api/v1/farmers/\\*")
        .containsPattern("CLIENT +1 +4\\.5 +4\\.5  SELECT farmers");
    assertThat(summary).contains("Example trace: a farmer looked up on a cache miss",
        "  GET /api/v1/farmers/* [SERVER] 12.0 ms\n"
            + "    GET [CLIENT] 1.0 ms\n"
            + "    SELECT farmers [CLIENT] 4.5 ms\n"
            + "    SETEX [CLIENT] 1.0 ms\n");
    assertThat(summary).doesNotContain("an entry recorded");
  }

  @Test
  void saysSoWhenNothingArrived() {
    assertThat(ExportSummary.render(List.of(), 0)).contains("No spans arrived");
  }

  private static ReceivedSpan span(int id, int parent, String name, SpanKind kind, long start, long end) {
    Span.Builder span = Span.newBuilder().setTraceId(TRACE).setSpanId(spanId(id)).setName(name).setKind(kind)
        .setStartTimeUnixNano(start).setEndTimeUnixNano(end);
    if (parent != 0) {
      span.setParentSpanId(spanId(parent));
    }
    return new ReceivedSpan(span.build(), Resource.getDefaultInstance(), "test");
  }

  private static ByteString spanId(int id) {
    byte[] bytes = new byte[8];
    bytes[7] = (byte) id;
    return ByteString.copyFrom(bytes);
  }
}
