package io.malar.agent.features.percentiles;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * Maps spans of one family to their recordings. The lookup values ({@code first}, {@code second},
 * {@code third}) are span attribute values that determine the key's attributes, so the first span
 * of a key builds them and every later one only looks them up.
 */
abstract class SpanKeys {
  private final KeyFamily family;
  private final NestedIndex index = new NestedIndex();
  private final Recording overflow;

  SpanKeys(KeyFamily family) {
    this.family = family;
    this.overflow = new Recording(family.overflow(), family.overflow().attributes());
  }

  KeyFamily family() {
    return family;
  }

  /** Recordings held by the index: bounded by the family's cap times the status codes per key. */
  int indexSize() {
    return index.size();
  }

  final Recording find(ReadableSpan span, Object first, Object second, Object third) {
    Recording recording = index.get(first, second, third);
    if (recording != null) {
      return recording;
    }
    if (family.full()) {
      family.refuse();
      return overflow;
    }
    return create(span, first, second, third);
  }

  private synchronized Recording create(ReadableSpan span, Object first, Object second, Object third) {
    Recording recording = index.get(first, second, third);
    if (recording != null) {
      return recording;
    }
    LatencyKey key = family.admit(keyAttributes(span));
    if (key == family.overflow()) {
      return overflow;
    }
    recording = new Recording(key, semconvAttributes(span));
    index.put(first, second, third, recording);
    return recording;
  }

  static Object orNone(Object value) {
    return value == null ? NestedIndex.NONE : value;
  }

  /** The attributes of the percentile key this span belongs to. */
  abstract Attributes keyAttributes(ReadableSpan span);

  /** The attributes of the semantic-convention duration histogram for this span. */
  abstract Attributes semconvAttributes(ReadableSpan span);
}
