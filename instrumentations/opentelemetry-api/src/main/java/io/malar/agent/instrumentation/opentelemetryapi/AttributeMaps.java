package io.malar.agent.instrumentation.opentelemetryapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's attributes, handed over as a map of plain values, back into the agent's
 * {@link Attributes}: the value's type picks the key's type, and a value of a type the agent's API
 * does not know is kept as its text.
 */
final class AttributeMaps {
  private AttributeMaps() {}

  static Attributes toAttributes(Map<String, Object> values) {
    if (values == null || values.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      put(builder, entry.getKey(), entry.getValue());
    }
    return builder.build();
  }

  static Attributes single(String key, Object value) {
    AttributesBuilder builder = Attributes.builder();
    put(builder, key, value);
    return builder.build();
  }

  private static void put(AttributesBuilder builder, String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    if (value instanceof String) {
      builder.put(key, (String) value);
    } else if (value instanceof Boolean) {
      builder.put(key, (Boolean) value);
    } else if (value instanceof Double || value instanceof Float) {
      builder.put(key, ((Number) value).doubleValue());
    } else if (value instanceof Number) {
      builder.put(key, ((Number) value).longValue());
    } else if (value instanceof List) {
      putList(builder, key, (List<?>) value);
    } else {
      builder.put(key, String.valueOf(value));
    }
  }

  private static void putList(AttributesBuilder builder, String key, List<?> values) {
    Object first = values.isEmpty() ? null : values.get(0);
    if (first instanceof Boolean) {
      builder.put(AttributeKey.booleanArrayKey(key), listOf(values, Boolean.class));
    } else if (first instanceof Double) {
      builder.put(AttributeKey.doubleArrayKey(key), listOf(values, Double.class));
    } else if (first instanceof Long) {
      builder.put(AttributeKey.longArrayKey(key), listOf(values, Long.class));
    } else {
      List<String> texts = new ArrayList<>(values.size());
      for (Object value : values) {
        texts.add(String.valueOf(value));
      }
      builder.put(AttributeKey.stringArrayKey(key), texts);
    }
  }

  private static <T> List<T> listOf(List<?> values, Class<T> type) {
    List<T> typed = new ArrayList<>(values.size());
    for (Object value : values) {
      if (type.isInstance(value)) {
        typed.add(type.cast(value));
      }
    }
    return typed;
  }
}
