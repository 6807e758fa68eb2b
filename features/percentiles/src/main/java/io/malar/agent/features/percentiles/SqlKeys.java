package io.malar.agent.features.percentiles;

import static io.malar.agent.features.percentiles.ServerKeys.putIfPresent;
import static io.opentelemetry.semconv.DbAttributes.DB_COLLECTION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;

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
  static final AttributeKey<String> FINGERPRINT = AttributeKey.stringKey("db.query.fingerprint");
  static final int MAX_TEXT = 200;

  SqlKeys(int maxKeys) {
    super(new KeyFamily("malar.db.client.latency", "Exact percentiles of SQL statement durations per database system and statement", "sql", maxKeys));
  }

  Recording find(ReadableSpan span, String system) {
    return find(span, system, orNone(span.getAttribute(DB_QUERY_TEXT)), NestedIndex.NONE);
  }

  @Override
  Attributes keyAttributes(ReadableSpan span) {
    AttributesBuilder attributes = semconv(span);
    String text = span.getAttribute(DB_QUERY_TEXT);
    if (text != null) {
      attributes.put(FINGERPRINT, QueryFingerprint.of(text));
      attributes.put(DB_QUERY_TEXT, text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...");
    }
    return attributes.build();
  }

  @Override
  Attributes semconvAttributes(ReadableSpan span) {
    return semconv(span).build();
  }

  private static AttributesBuilder semconv(ReadableSpan span) {
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, DB_SYSTEM_NAME, span.getAttribute(DB_SYSTEM_NAME));
    putIfPresent(attributes, DB_OPERATION_NAME, span.getAttribute(DB_OPERATION_NAME));
    putIfPresent(attributes, DB_COLLECTION_NAME, span.getAttribute(DB_COLLECTION_NAME));
    return attributes;
  }
}
