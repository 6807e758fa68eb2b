package io.malar.agent.core.percentiles;

import static io.malar.agent.core.percentiles.ServerKeys.putIfPresent;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;

/** Redis client spans: one key per command and server address. */
final class RedisKeys extends SpanKeys {
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");

  RedisKeys(int maxKeys) {
    super(new KeyFamily("malar.redis.client.latency", "Exact percentiles of Redis command durations per command and server", "redis", maxKeys));
  }

  Recording find(ReadableSpan span) {
    return find(span, orNone(span.getAttribute(SqlKeys.OPERATION)), orNone(span.getAttribute(SERVER_ADDRESS)), NestedIndex.NONE);
  }

  @Override
  Attributes keyAttributes(ReadableSpan span) {
    return semconvAttributes(span);
  }

  @Override
  Attributes semconvAttributes(ReadableSpan span) {
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, SqlKeys.SYSTEM, span.getAttribute(SqlKeys.SYSTEM));
    putIfPresent(attributes, SqlKeys.OPERATION, span.getAttribute(SqlKeys.OPERATION));
    putIfPresent(attributes, SERVER_ADDRESS, span.getAttribute(SERVER_ADDRESS));
    return attributes.build();
  }
}
