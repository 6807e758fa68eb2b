package io.malar.agent.features.sentry;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few database and cache calls of one request, oldest first. The ended spans themselves
 * are kept (nothing is copied per call); they are read only if the request fails.
 */
final class CallBuffer {
  private final ReadableSpan[] calls;
  private int next;
  private boolean wrapped;

  CallBuffer(int capacity) {
    calls = new ReadableSpan[capacity];
  }

  synchronized void add(ReadableSpan call) {
    calls[next] = call;
    next++;
    if (next == calls.length) {
      next = 0;
      wrapped = true;
    }
  }

  synchronized List<ReadableSpan> oldestFirst() {
    List<ReadableSpan> ordered = new ArrayList<>(calls.length);
    if (wrapped) {
      for (int i = next; i < calls.length; i++) {
        ordered.add(calls[i]);
      }
    }
    for (int i = 0; i < next; i++) {
      ordered.add(calls[i]);
    }
    return ordered;
  }
}
