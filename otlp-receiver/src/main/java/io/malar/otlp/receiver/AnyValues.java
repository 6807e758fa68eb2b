package io.malar.otlp.receiver;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.stream.Collectors;

/** Renders OTLP attribute values as plain strings, which is what test assertions compare against. */
final class AnyValues {

  private AnyValues() {}

  /** The rendered value of {@code key}, or null when there is no such attribute or it has no value. */
  static String render(Iterable<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return render(attribute.getValue());
      }
    }
    return null;
  }

  static String render(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case INT_VALUE:
        return Long.toString(value.getIntValue());
      case BOOL_VALUE:
        return Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE:
        return Double.toString(value.getDoubleValue());
      case BYTES_VALUE:
        return hex(value.getBytesValue());
      case ARRAY_VALUE:
        return value.getArrayValue().getValuesList().stream()
            .map(AnyValues::render)
            .collect(Collectors.joining(", ", "[", "]"));
      case KVLIST_VALUE:
        return value.getKvlistValue().getValuesList().stream()
            .map(entry -> entry.getKey() + "=" + render(entry.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
      default:
        return null;
    }
  }

  static String hex(ByteString bytes) {
    StringBuilder hex = new StringBuilder(bytes.size() * 2);
    for (int i = 0; i < bytes.size(); i++) {
      hex.append(Character.forDigit((bytes.byteAt(i) >> 4) & 0xF, 16))
          .append(Character.forDigit(bytes.byteAt(i) & 0xF, 16));
    }
    return hex.toString();
  }
}
