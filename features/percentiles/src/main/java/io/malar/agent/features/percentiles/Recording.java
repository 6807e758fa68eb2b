package io.malar.agent.features.percentiles;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Where one span's duration goes: its percentile key and its semantic-convention histogram attributes. */
final class Recording {
  private final LatencyKey key;
  private final Attributes semconv;
  // a server key's attributes already carry error.type (from its status code)
  private final boolean keyHasErrorType;
  // a failed client call's histogram point carries error.type, as the conventions ask; one
  // attribute set per error type seen, built once
  private final ConcurrentMap<String, Attributes> semconvByErrorType = new ConcurrentHashMap<>();

  Recording(LatencyKey key, Attributes semconv) {
    this.key = key;
    this.semconv = semconv;
    this.keyHasErrorType = semconv.get(ERROR_TYPE) != null;
  }

  LatencyKey key() {
    return key;
  }

  /** The histogram attributes for this span: with its {@code error.type} when it failed. */
  Attributes semconv(ReadableSpan span) {
    String errorType = span.getAttribute(ERROR_TYPE);
    if (errorType == null || keyHasErrorType) {
      return semconv;
    }
    return semconvByErrorType.computeIfAbsent(errorType, type -> semconv.toBuilder().put(ERROR_TYPE, type).build());
  }
}
