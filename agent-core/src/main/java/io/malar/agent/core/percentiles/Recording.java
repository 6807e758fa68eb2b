package io.malar.agent.core.percentiles;

import io.opentelemetry.api.common.Attributes;

/** Where one span's duration goes: its percentile key and its semantic-convention histogram attributes. */
final class Recording {
  private final LatencyKey key;
  private final Attributes semconv;

  Recording(LatencyKey key, Attributes semconv) {
    this.key = key;
    this.semconv = semconv;
  }

  LatencyKey key() {
    return key;
  }

  Attributes semconv() {
    return semconv;
  }
}
