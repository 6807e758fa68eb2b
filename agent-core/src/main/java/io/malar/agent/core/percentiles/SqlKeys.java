package io.malar.agent.core.percentiles;

import static io.malar.agent.core.percentiles.ServerKeys.putIfPresent;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * JDBC client spans: one key per database system and sanitized statement, so two different
 * SELECTs on one table stay apart. The statement's text is already free of literals; it travels
 * as an attribute cut to {@link #MAX_TEXT} characters, and its fingerprint tells cut texts apart.
 */
final class SqlKeys extends SpanKeys {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");
  static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> FINGERPRINT = AttributeKey.stringKey("db.query.fingerprint");
  static final int MAX_TEXT = 200;

  SqlKeys(int maxKeys) {
    super(new KeyFamily("malar.db.client.latency", "Exact percentiles of SQL statement durations per database system and statement", "sql", maxKeys));
  }

  Recording find(ReadableSpan span, String system) {
    return find(span, system, orNone(span.getAttribute(QUERY_TEXT)), NestedIndex.NONE);
  }

  @Override
  Attributes keyAttributes(ReadableSpan span) {
    AttributesBuilder attributes = semconv(span);
    String text = span.getAttribute(QUERY_TEXT);
    if (text != null) {
      attributes.put(FINGERPRINT, QueryFingerprint.of(text));
      attributes.put(QUERY_TEXT, text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...");
    }
    return attributes.build();
  }

  @Override
  Attributes semconvAttributes(ReadableSpan span) {
    return semconv(span).build();
  }

  private static AttributesBuilder semconv(ReadableSpan span) {
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, SYSTEM, span.getAttribute(SYSTEM));
    putIfPresent(attributes, OPERATION, span.getAttribute(OPERATION));
    putIfPresent(attributes, COLLECTION, span.getAttribute(COLLECTION));
    return attributes;
  }
}
