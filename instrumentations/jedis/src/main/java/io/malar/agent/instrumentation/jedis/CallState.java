package io.malar.agent.instrumentation.jedis;

import io.opentelemetry.api.trace.Span;

/**
 * What one thread is doing with Redis: the outermost call and its span, and the command it is
 * queueing into a pipeline or transaction. Reused for the thread's life, so a call allocates nothing
 * here; references are dropped as soon as a call or a queueing ends.
 */
final class CallState {
  boolean open;
  Span span;
  /** The server and database attributes are on the span already. */
  boolean targetKnown;
  /** A client API call: its span starts with the first command it sends. */
  boolean namedByFirstCommand;
  /** A batch with nothing queued: its span starts only if it sends a command of its own. */
  String emptyBatchOperation;

  Object queueingInto;
  /** The queueing method ran its command at once (a transaction before MULTI): nothing queued. */
  boolean queuedCommandRan;
  Object queuedConnection;
  Object queuedSocket;

  void openCommand(Span commandSpan) {
    open = true;
    span = commandSpan;
  }

  void openClientCall() {
    open = true;
    namedByFirstCommand = true;
  }

  void openBatch(Span batchSpan, boolean batchTargetKnown) {
    open = true;
    span = batchSpan;
    targetKnown = batchTargetKnown;
  }

  void openEmptyBatch(String operation) {
    open = true;
    emptyBatchOperation = operation;
  }

  /** Whether the span starts now, with the command the call is about to send or run. */
  boolean awaitsFirstCommand() {
    return open && span == null && (namedByFirstCommand || emptyBatchOperation != null);
  }

  Span close() {
    Span ended = span;
    open = false;
    span = null;
    targetKnown = false;
    namedByFirstCommand = false;
    emptyBatchOperation = null;
    return ended;
  }

  void startQueueing(Object batch) {
    queueingInto = batch;
  }

  void stopQueueing() {
    queueingInto = null;
    queuedCommandRan = false;
    queuedConnection = null;
    queuedSocket = null;
  }
}
