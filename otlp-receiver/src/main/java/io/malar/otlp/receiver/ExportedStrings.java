package io.malar.otlp.receiver;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.List;
import java.util.Map;

/**
 * The values an OTLP request exports as data (span, event, metric and scope names, status and
 * log messages, attribute values of every type), one per line, without the timestamps, ids and
 * measurements around them: a search for a leaked literal must not match a nanosecond timestamp
 * or a random trace id that happens to contain its digits.
 */
final class ExportedStrings {
  private ExportedStrings() {}

  static void append(StringBuilder text, MessageOrBuilder message) {
    boolean anyValue = message instanceof AnyValue;
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      Object value = field.getValue();
      if (value instanceof List) {
        for (Object element : (List<?>) value) {
          appendValue(text, element, anyValue);
        }
      } else {
        appendValue(text, value, anyValue);
      }
    }
  }

  private static void appendValue(StringBuilder text, Object value, boolean ofAnyValue) {
    if (value instanceof MessageOrBuilder) {
      append(text, (MessageOrBuilder) value);
    } else if (value instanceof String) {
      text.append(value).append('\n');
    } else if (ofAnyValue && !(value instanceof com.google.protobuf.ByteString)) {
      // an attribute's own number or boolean is exported data; other numbers are times and measures
      text.append(value).append('\n');
    }
  }
}
