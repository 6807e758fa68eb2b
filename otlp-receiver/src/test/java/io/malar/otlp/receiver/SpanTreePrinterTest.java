package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTreePrinterTest {

  @Test
  void nestsChildrenUnderParentsInStartOrder() {
    List<ReceivedSpan> spans = List.of(
        span(3, 1, "SELECT", SpanKind.SPAN_KIND_CLIENT, 2_000_000, 2_500_000),
        span(1, 0, "GET /orders", SpanKind.SPAN_KIND_SERVER, 0, 12_345_678),
        span(4, 3, "fetch", SpanKind.SPAN_KIND_INTERNAL, 2_100_000, 2_200_000),
        span(2, 1, "auth", SpanKind.SPAN_KIND_INTERNAL, 1_000_000, 1_500_000));

    assertThat(SpanTreePrinter.render(spans)).isEqualTo(
        "GET /orders [SERVER] 12.3 ms\n"
            + "  auth [INTERNAL] 0.5 ms\n"
            + "  SELECT [CLIENT] 0.5 ms\n"
            + "    fetch [INTERNAL] 0.1 ms\n");
  }

  @Test
  void showsSpansWithMissingParentAsRoots() {
    List<ReceivedSpan> spans = List.of(span(5, 9, "orphan", SpanKind.SPAN_KIND_CONSUMER, 0, 1_000_000));

    assertThat(SpanTreePrinter.render(spans)).isEqualTo("orphan [CONSUMER] 1.0 ms\n");
  }

  private static ReceivedSpan span(int id, int parentId, String name, SpanKind kind, long start, long end) {
    Span.Builder span = Span.newBuilder().setName(name).setKind(kind).setSpanId(id(id))
        .setStartTimeUnixNano(start).setEndTimeUnixNano(end);
    if (parentId != 0) {
      span.setParentSpanId(id(parentId));
    }
    return new ReceivedSpan(span.build(), Resource.getDefaultInstance(), "test");
  }

  private static ByteString id(int value) {
    return ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) value});
  }
}
