package io.malar.agent.features.slowcalls;

/** How often one statement ran within one request, and where it reached the N+1 threshold. */
final class StatementRepeats {
  private final String statement;
  private final String system;
  private int count;
  private long totalNanos;
  // set on the thread of the call that reached the threshold, read when the request ends
  private volatile CodeLocation location;

  StatementRepeats(String statement, String system) {
    this.statement = statement;
    this.system = system;
  }

  /** Guarded by the request's lock. */
  int add(long nanos) {
    totalNanos += nanos;
    return ++count;
  }

  String statement() {
    return statement;
  }

  String system() {
    return system;
  }

  int count() {
    return count;
  }

  long totalNanos() {
    return totalNanos;
  }

  CodeLocation location() {
    return location;
  }

  void location(CodeLocation where) {
    location = where;
  }
}
