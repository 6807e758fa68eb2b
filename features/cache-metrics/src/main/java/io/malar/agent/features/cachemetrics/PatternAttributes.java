package io.malar.agent.features.cachemetrics;

import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters' attributes of one key pattern, per read command: built once, not per counted key.
 * Bounded, since the read commands are the few of {@link ReadShape}.
 */
final class PatternAttributes {
  static final AttributeKey<String> KEY_PATTERN = AttributeKey.stringKey("malar.redis.key.pattern");

  private final String pattern;
  private final ConcurrentHashMap<String, Attributes> byCommand = new ConcurrentHashMap<>();

  PatternAttributes(String pattern) {
    this.pattern = pattern;
  }

  Attributes of(String command) {
    Attributes attributes = byCommand.get(command);
    if (attributes == null) {
      // two threads may both build it: equal attributes, either one will do
      attributes = Attributes.of(DB_OPERATION_NAME, command, KEY_PATTERN, pattern);
      byCommand.put(command, attributes);
    }
    return attributes;
  }
}
