package io.malar.agent.instrumentation.lettuce;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.function.Function;

/**
 * One traced command between its dispatch and the end of its span. The span starts when the
 * command is written (on the event loop) or, for a command that never got that far, when it
 * completes. It ends on completion, unless the dispatching thread awaits the reply: then that
 * thread ends it once it has the reply. These steps can run on different threads, hence the lock;
 * exactly one of them is handed the span to end.
 */
final class CommandCall {
  final Context parent;
  final String name;
  final int argumentCount;
  private Span span;
  private boolean completed;
  private boolean awaited;
  private boolean handedOver;
  private Throwable failure;
  private boolean cancelled;

  CommandCall(Context parent, String name, int argumentCount) {
    this.parent = parent;
    this.name = name;
    this.argumentCount = argumentCount;
  }

  /** The span, started by {@code starter} on the first write; null once the command completed. */
  synchronized Span written(Function<CommandCall, Span> starter) {
    return completed ? null : started(starter);
  }

  /** Whether the calling thread is now the one to end the span: the command has not completed yet. */
  synchronized boolean awaitedByCaller() {
    if (completed) {
      return false;
    }
    awaited = true;
    return true;
  }

  /**
   * Records how the command ended; returns the span to end now (started by {@code starter} if the
   * command was never written), or null when it completed before or its waiter ends the span.
   */
  synchronized Span completed(Function<CommandCall, Span> starter, Throwable failure, boolean cancelled) {
    if (completed) {
      return null;
    }
    completed = true;
    this.failure = failure;
    this.cancelled = cancelled;
    started(starter);
    return awaited ? null : handOver();
  }

  /**
   * The waiter stops waiting: the span to end if the command completed, else null (its completion
   * ends it). A wait that returned has the reply: the async API wakes its waiter before it
   * completes the command underneath, so the waiter may be first to know.
   */
  synchronized Span awaitEnded(Function<CommandCall, Span> starter, boolean returned) {
    awaited = false;
    if (!completed && returned) {
      completed = true;
      started(starter);
    }
    return completed ? handOver() : null;
  }

  synchronized Throwable failure() {
    return failure;
  }

  synchronized boolean cancelled() {
    return cancelled;
  }

  private Span started(Function<CommandCall, Span> starter) {
    if (span == null) {
      span = starter.apply(this);
    }
    return span;
  }

  private Span handOver() {
    if (handedOver) {
      return null;
    }
    handedOver = true;
    return span;
  }
}
