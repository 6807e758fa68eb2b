package io.malar.agent.features.slowcalls;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request did while it ran: its JDBC and Redis calls, and how often each statement ran.
 * A request's calls usually come from its own thread, but async work may report from others.
 */
final class RequestStats {
  /** Distinct statements tracked per request: N+1 loops repeat a few, not thousands. */
  private static final int MAX_STATEMENTS = 256;

  private final ReadableSpan serverSpan;
  private final long startedNanos;
  private final Map<String, StatementRepeats> statements = new HashMap<>();
  private int jdbcCalls;
  private long jdbcNanos;
  private int redisCommands;
  private long redisNanos;
  private boolean anyRepeated;

  RequestStats(ReadableSpan serverSpan, long startedNanos) {
    this.serverSpan = serverSpan;
    this.startedNanos = startedNanos;
  }

  ReadableSpan serverSpan() {
    return serverSpan;
  }

  long startedNanos() {
    return startedNanos;
  }

  /**
   * Counts one JDBC call; returns the statement's repeats when this call brought them to
   * {@code nPlusOne}, else null.
   */
  synchronized StatementRepeats jdbcCall(String statement, String system, long nanos, int nPlusOne) {
    jdbcCalls++;
    jdbcNanos += nanos;
    StatementRepeats repeats = statements.get(statement);
    if (repeats == null) {
      if (statements.size() >= MAX_STATEMENTS) {
        return null;
      }
      repeats = new StatementRepeats(statement, system);
      statements.put(statement, repeats);
    }
    if (repeats.add(nanos) != nPlusOne) {
      return null;
    }
    anyRepeated = true;
    return repeats;
  }

  synchronized void redisCommand(long nanos) {
    redisCommands++;
    redisNanos += nanos;
  }

  synchronized List<StatementRepeats> repeatedAtLeast(int times) {
    if (!anyRepeated) {
      return Collections.emptyList();
    }
    List<StatementRepeats> repeated = new ArrayList<>();
    for (StatementRepeats repeats : statements.values()) {
      if (repeats.count() >= times) {
        repeated.add(repeats);
      }
    }
    return repeated;
  }

  synchronized int jdbcCalls() {
    return jdbcCalls;
  }

  synchronized long jdbcNanos() {
    return jdbcNanos;
  }

  synchronized int redisCommands() {
    return redisCommands;
  }

  synchronized long redisNanos() {
    return redisNanos;
  }
}
