package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.core.binds.BindSource;
import io.malar.agent.core.binds.BindValues;
import java.util.Arrays;

/**
 * What we remember about one statement: its connection, its SQL when it was prepared, the batch it
 * is building and, when binds are captured, its bind values. Holds nothing of the application's
 * that could keep the statement alive, so it can be a weak map's value.
 */
final class StatementState implements BindSource {
  /** Parameters beyond this index are not kept. */
  static final int MAX_BINDS = 32;

  private final ConnectionInfo connection;
  private final SanitizedSql sql;
  private PendingBatch batch;
  private Object[] binds;

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

  /** {@code index} counts from 1, as in JDBC. */
  synchronized void bind(int index, Object value) {
    if (index < 1 || index > MAX_BINDS) {
      return;
    }
    if (binds == null || binds.length < index) {
      binds = binds == null ? new Object[index] : Arrays.copyOf(binds, index);
    }
    binds[index - 1] = BindValues.retained(value);
  }

  synchronized void clearBinds() {
    binds = null;
  }

  @Override
  public synchronized Object[] bindsNow() {
    return binds == null ? null : binds.clone();
  }
}
