package io.malar.agent.instrumentation.lettuce;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.function.Function;

/**
 * One traced command between its dispatch and its completion. Its span starts when the command is
 * written (on the event loop) or, for a command that never got that far, when it completes; the
 * two can happen on different threads, hence the lock.
 */
final class CommandCall {
  final Context parent;
  final String name;
  final int argumentCount;
  private Span span;
  private boolean ended;

  CommandCall(Context parent, String name, int argumentCount) {
    this.parent = parent;
    this.name = name;
    this.argumentCount = argumentCount;
  }

  /** The span, started by {@code starter} on the first write; null once the call has ended. */
  synchronized Span written(Function<CommandCall, Span> starter) {
    if (ended) {
      return null;
    }
    if (span == null) {
      span = starter.apply(this);
    }
    return span;
  }

  /** The span to end, started by {@code starter} if the command was never written; null if ended already. */
  synchronized Span end(Function<CommandCall, Span> starter) {
    if (ended) {
      return null;
    }
    ended = true;
    if (span == null) {
      span = starter.apply(this);
    }
    return span;
  }
}
