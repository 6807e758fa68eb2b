package io.malar.agent.features.percentiles;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;

/** HTTP server spans: one key per method, route and status class (2xx...). */
final class ServerKeys extends SpanKeys {
  static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("http.response.status_class");
  private static final String[] CLASSES = {null, "1xx", "2xx", "3xx", "4xx", "5xx"};

  ServerKeys(int maxKeys) {
    super(new KeyFamily("malar.http.server.latency", "Exact percentiles of HTTP server request durations per method, route and status class", "http", maxKeys));
  }

  Recording find(ReadableSpan span) {
    return find(span, orNone(span.getAttribute(HTTP_REQUEST_METHOD)), orNone(span.getAttribute(HTTP_ROUTE)), orNone(span.getAttribute(HTTP_RESPONSE_STATUS_CODE)));
  }

  @Override
  Attributes keyAttributes(ReadableSpan span) {
    AttributesBuilder attributes = common(span);
    Long status = span.getAttribute(HTTP_RESPONSE_STATUS_CODE);
    String statusClass = status == null || status < 100 || status >= 600 ? null : CLASSES[(int) (status / 100)];
    if (statusClass != null) {
      attributes.put(STATUS_CLASS, statusClass);
    }
    return attributes.build();
  }

  @Override
  Attributes semconvAttributes(ReadableSpan span) {
    AttributesBuilder attributes = common(span);
    Long status = span.getAttribute(HTTP_RESPONSE_STATUS_CODE);
    if (status != null) {
      attributes.put(HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) {
        attributes.put(ERROR_TYPE, Long.toString(status));
      }
    }
    return attributes.build();
  }

  private static AttributesBuilder common(ReadableSpan span) {
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, HTTP_REQUEST_METHOD, span.getAttribute(HTTP_REQUEST_METHOD));
    putIfPresent(attributes, HTTP_ROUTE, span.getAttribute(HTTP_ROUTE));
    return attributes;
  }

  static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
