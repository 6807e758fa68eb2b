package io.malar.agent.bridge;

/** Static entry points the JDBC advice calls; the core installs the hook at start-up. */
public final class JdbcBridge {
  private static volatile JdbcHook hook = new Noop();

  private JdbcBridge() {}

  public static void install(JdbcHook newHook) {
    hook = newHook;
  }

  public static Object statementCreationStarted() {
    return hook.statementCreationStarted();
  }

  public static void statementCreated(Object token, Object connection, Object statement, String sql) {
    if (token != null) {
      hook.statementCreated(token, connection, statement, sql);
    }
  }

  public static void batchAdded(Object statement, String sql) {
    hook.batchAdded(statement, sql);
  }

  public static void parameterSet(Object statement, int index, Object value) {
    hook.parameterSet(statement, index, value);
  }

  public static void parametersCleared(Object statement) {
    hook.parametersCleared(statement);
  }

  public static Object executeStart(Object statement, String sql, boolean batch) {
    return hook.executeStart(statement, sql, batch);
  }

  public static void executeEnd(Object token, Throwable thrown) {
    if (token != null) {
      hook.executeEnd(token, thrown);
    }
  }

  private static final class Noop implements JdbcHook {
    @Override
    public Object statementCreationStarted() {
      return null;
    }

    @Override
    public void statementCreated(Object token, Object connection, Object statement, String sql) {}

    @Override
    public void batchAdded(Object statement, String sql) {}

    @Override
    public void parameterSet(Object statement, int index, Object value) {}

    @Override
    public void parametersCleared(Object statement) {}

    @Override
    public Object executeStart(Object statement, String sql, boolean batch) {
      return null;
    }

    @Override
    public void executeEnd(Object token, Throwable thrown) {}
  }
}
