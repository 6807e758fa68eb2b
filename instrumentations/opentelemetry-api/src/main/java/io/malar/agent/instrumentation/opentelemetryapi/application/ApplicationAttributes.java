package io.malar.agent.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.common.Attributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The application's attributes as plain values, the form they cross the bridge in. */
final class ApplicationAttributes {
  private ApplicationAttributes() {}

  static Map<String, Object> toMap(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    attributes.forEach((key, value) -> values.put(key.getKey(), value));
    return values;
  }
}
