package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

class ReceivedSpanTest {

  @Test
  void rendersEveryAttributeTypeAsText() {
    Span span = Span.newBuilder()
        .setName("work")
        .setSpanId(ByteString.copyFrom(new byte[] {0x00, 0x1f, (byte) 0xab, 0x7f, 0, 0, 0, 1}))
        .addAttributes(attribute("s", AnyValue.newBuilder().setStringValue("text")))
        .addAttributes(attribute("i", AnyValue.newBuilder().setIntValue(-7)))
        .addAttributes(attribute("b", AnyValue.newBuilder().setBoolValue(false)))
        .addAttributes(attribute("d", AnyValue.newBuilder().setDoubleValue(1.5)))
        .addAttributes(attribute("a", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(AnyValue.newBuilder().setStringValue("x"))
            .addValues(AnyValue.newBuilder().setIntValue(2)))))
        .addAttributes(KeyValue.newBuilder().setKey("unset"))
        .setStartTimeUnixNano(1_000)
        .setEndTimeUnixNano(3_500)
        .build();

    ReceivedSpan received = new ReceivedSpan(span, Resource.getDefaultInstance(), "scope");

    assertThat(received.attribute("s")).isEqualTo("text");
    assertThat(received.attribute("i")).isEqualTo("-7");
    assertThat(received.longAttribute("i")).isEqualTo(-7L);
    assertThat(received.attribute("b")).isEqualTo("false");
    assertThat(received.attribute("d")).isEqualTo("1.5");
    assertThat(received.attribute("a")).isEqualTo("[x, 2]");
    assertThat(received.attribute("unset")).isNull();
    assertThat(received.resourceAttribute("service.name")).isNull();
    assertThat(received.spanIdHex()).isEqualTo("001fab7f00000001");
    assertThat(received.parentSpanIdHex()).isEmpty();
    assertThat(received.durationNanos()).isEqualTo(2_500);
  }

  private static KeyValue attribute(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}
