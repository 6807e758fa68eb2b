package io.malar.agent.bridge;

import java.util.Map;

/** The core's side of the logging frameworks' advice: the ids a log event made now should carry. */
public interface LogCorrelationHook {
  /**
   * {@code trace_id}, {@code span_id}, {@code trace_flags} (and {@code request_id} when the request
   * had one) of the span current on this thread; null when no span is current.
   */
  Map<String, String> currentIds();
}
