package io.malar.agent.bridge;

/**
 * The core's side of the JDBC advice. Statements and connections travel as Object: java.sql is
 * not visible from the bootstrap class loader.
 */
public interface JdbcHook {
  /**
   * A connection starts making a statement. A pool's proxy makes the driver's statement inside its
   * own call: only the outermost call is remembered.
   *
   * @return a token for {@link #statementCreated}, or null when inside another JDBC call
   */
  Object statementCreationStarted();

  /**
   * The call given {@code token} returned {@code statement}, null when it threw; {@code sql} is null
   * for a plain Statement.
   */
  void statementCreated(Object token, Object connection, Object statement, String sql);

  /** {@code addBatch} on a statement; {@code sql} is null for a PreparedStatement. */
  void batchAdded(Object statement, String sql);

  /** A bind value was set on a prepared statement; {@code index} counts from 1, as in JDBC. */
  void parameterSet(Object statement, int index, Object value);

  /** {@code clearParameters} on a prepared statement. */
  void parametersCleared(Object statement);

  /**
   * An execute call starts. {@code sql} is the argument of {@code Statement.execute(sql)}, null for
   * prepared statements and batches.
   *
   * @return a token for {@link #executeEnd}, or null when there is nothing to do on exit
   */
  Object executeStart(Object statement, String sql, boolean batch);

  void executeEnd(Object token, Throwable thrown);
}
