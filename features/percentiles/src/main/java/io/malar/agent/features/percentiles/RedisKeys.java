package io.malar.agent.features.percentiles;

import static io.malar.agent.features.percentiles.ServerKeys.putIfPresent;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;

/** Redis client spans: one key per command and server address. */
final class RedisKeys extends SpanKeys {

  RedisKeys(int maxKeys) {
    super(new KeyFamily("malar.redis.client.latency", "Exact percentiles of Redis command durations per command and server", "redis", maxKeys));
  }

  Recording find(ReadableSpan span) {
    return find(span, orNone(span.getAttribute(DB_OPERATION_NAME)), orNone(span.getAttribute(SERVER_ADDRESS)), NestedIndex.NONE);
  }

  @Override
  Attributes keyAttributes(ReadableSpan span) {
    return semconvAttributes(span);
  }

  @Override
  Attributes semconvAttributes(ReadableSpan span) {
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, DB_SYSTEM_NAME, span.getAttribute(DB_SYSTEM_NAME));
    putIfPresent(attributes, DB_OPERATION_NAME, span.getAttribute(DB_OPERATION_NAME));
    putIfPresent(attributes, SERVER_ADDRESS, span.getAttribute(SERVER_ADDRESS));
    return attributes.build();
  }
}
