package io.malar.agent.instrumentation.jdbc;

/**
 * What we remember about one statement: its connection, its SQL when it was prepared, and the
 * batch it is building. Holds nothing of the application's, so it can be a weak map's value.
 */
final class StatementState {
  private final ConnectionInfo connection;
  private final SanitizedSql sql;
  private PendingBatch batch;

  /** {@code sql} is null for a plain Statement, which gets its SQL with each call. */
  StatementState(ConnectionInfo connection, SanitizedSql sql) {
    this.connection = connection;
    this.sql = sql;
  }

  ConnectionInfo connection() {
    return connection;
  }

  SanitizedSql sql() {
    return sql;
  }

  synchronized void addBatch(SanitizedSql entry) {
    if (batch == null) {
      batch = new PendingBatch();
    }
    batch.add(entry);
  }

  /** The batch so far, or null when it is empty; the statement starts a new one. */
  synchronized PendingBatch takeBatch() {
    PendingBatch taken = batch;
    batch = null;
    return taken;
  }
}
