package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.semconv.DbAttributes.DB_COLLECTION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_BATCH_SIZE;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.malar.agent.core.binds.CallBinds;
import io.malar.agent.core.errors.ExceptionEvents;
import io.malar.agent.core.util.WeakIdentityMap;
import io.malar.agent.bridge.JdbcHook;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CLIENT span per outermost JDBC execute call. A pool's proxy statement delegating to the
 * driver's is one call: while a span is open on a thread, inner execute calls add nothing.
 */
final class JdbcTracingHook implements JdbcHook {

  private static final String BATCH = "BATCH";
  private static final int MAX_URLS = 100;
  /** The token of an outermost statement creation. */
  private static final Object CREATING = new Object();

  private final Tracer tracer;
  private final boolean captureBinds;
  private final WeakIdentityMap<Object, StatementState> statements = new WeakIdentityMap<>();
  private final WeakIdentityMap<Object, ConnectionInfo> connections = new WeakIdentityMap<>();
  private final ConcurrentHashMap<String, ConnectionInfo> urls = new ConcurrentHashMap<>();
  private final SanitizedSqlCache sqlCache = new SanitizedSqlCache();
  /** The span of the JDBC call this thread is in, if any. */
  private final ThreadLocal<Span> activeCall = new ThreadLocal<>();

  /** @param captureBinds whether a call's statement is handed to {@link CallBinds} for its bind values */
  JdbcTracingHook(Tracer tracer, boolean captureBinds) {
    this.tracer = tracer;
    this.captureBinds = captureBinds;
  }

  /**
   * Marks the thread as in a JDBC call, so a pool proxy's driver statement, made inside the proxy's
   * call, and a driver's own statements, made while it runs one of the application's, are neither
   * remembered nor sanitized: the application only calls the outermost statement.
   */
  @Override
  public Object statementCreationStarted() {
    if (activeCall.get() != null) {
      return null;
    }
    activeCall.set(Span.getInvalid());
    return CREATING;
  }

  @Override
  public void statementCreated(Object token, Object connection, Object statement, String sql) {
    activeCall.set(null);
    if (statement == null) {
      return;
    }
    ConnectionInfo info = connectionInfo(connection);
    statements.put(statement, new StatementState(info, sql == null ? null : sqlCache.sanitize(sql, info.dialect())));
  }

  @Override
  public void batchAdded(Object statement, String sql) {
    StatementState state = stateOf(statement);
    state.addBatch(sql == null ? state.sql() : sqlCache.sanitize(sql, state.connection().dialect()));
  }

  @Override
  public void parameterSet(Object statement, int index, Object value) {
    StatementState state = statements.get(statement);
    // a setter of the driver's own, or a statement from before the agent: nothing to remember
    if (state != null && activeCall.get() == null) {
      state.bind(index, value);
    }
  }

  @Override
  public void parametersCleared(Object statement) {
    StatementState state = statements.get(statement);
    if (state != null) {
      state.clearBinds();
    }
  }

  @Override
  public Object executeStart(Object statement, String sql, boolean batch) {
    if (activeCall.get() != null) {
      if (batch) {
        // the driver's statement behind a proxy built the same batch; it runs now, so drop it
        StatementState inner = statements.get(statement);
        if (inner != null) {
          inner.takeBatch();
        }
      }
      return null;
    }
    StatementState state = stateOf(statement);
    ConnectionInfo connection = state.connection();
    SpanBuilder builder;
    if (batch) {
      builder = batchSpan(connection, state.takeBatch());
    } else {
      builder = querySpan(connection, sql == null ? state.sql() : sqlCache.sanitize(sql, connection.dialect()));
    }
    Span span =
        builder
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current())
            .setAllAttributes(connection.attributes())
            .startSpan();
    if (captureBinds && !batch && sql == null) {
      // read only if the call turns out slow or failed
      CallBinds.callStarted(state);
    }
    // set last: nothing after it can fail and leave the thread marked
    activeCall.set(span);
    return span;
  }

  @Override
  public void executeEnd(Object token, Throwable thrown) {
    activeCall.set(null);
    Span span = (Span) token;
    if (thrown != null) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, thrown.getClass().getName());
      if (thrown instanceof SQLException) {
        String sqlState = ((SQLException) thrown).getSQLState();
        if (sqlState != null) {
          span.setAttribute(DB_RESPONSE_STATUS_CODE, sqlState);
        }
      }
      ExceptionEvents.record(span, thrown);
    }
    span.end();
    if (captureBinds) {
      CallBinds.callEnded();
    }
  }

  private SpanBuilder querySpan(ConnectionInfo connection, SanitizedSql sql) {
    if (sql == null) {
      return tracer.spanBuilder(connection.system());
    }
    SpanBuilder builder = tracer.spanBuilder(sql.spanName() != null ? sql.spanName() : connection.system());
    setIfKnown(builder, DB_OPERATION_NAME, sql.operation());
    setIfKnown(builder, DB_COLLECTION_NAME, sql.collection());
    setIfKnown(builder, DB_QUERY_TEXT, sql.text());
    return builder;
  }

  /** A batch of one is an ordinary call; an empty one is still a batch, of size 0. */
  private SpanBuilder batchSpan(ConnectionInfo connection, PendingBatch batch) {
    int size = batch == null ? 0 : batch.size();
    if (size == 1) {
      return querySpan(connection, batch.shape());
    }
    SanitizedSql shape = batch == null ? null : batch.shape();
    SpanBuilder builder;
    if (shape == null || shape.operation() == null) {
      builder = tracer.spanBuilder(BATCH).setAttribute(DB_OPERATION_NAME, BATCH);
    } else {
      builder =
          tracer
              .spanBuilder(BATCH + ' ' + shape.spanName())
              .setAttribute(DB_OPERATION_NAME, BATCH + ' ' + shape.operation());
      setIfKnown(builder, DB_COLLECTION_NAME, shape.collection());
    }
    if (batch != null) {
      setIfKnown(builder, DB_QUERY_TEXT, batch.queryText());
    }
    return builder.setAttribute(DB_OPERATION_BATCH_SIZE, (long) size);
  }

  private static void setIfKnown(SpanBuilder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.setAttribute(key, value);
    }
  }

  /** The statement's state; one created before we were installed gets it on first use. */
  private StatementState stateOf(Object statement) {
    StatementState state = statements.get(statement);
    if (state == null) {
      state = new StatementState(connectionInfo(connectionOf(statement)), null);
      statements.put(statement, state);
    }
    return state;
  }

  /**
   * Remembered per driver connection: a pool hands out a new proxy per borrow, which is described
   * by the driver's connection behind it and not remembered itself (no weak entry per borrow).
   */
  private ConnectionInfo connectionInfo(Object connection) {
    if (!(connection instanceof Connection)) {
      return JdbcUrlParser.UNKNOWN;
    }
    ConnectionInfo info = connections.get(connection);
    return info != null ? info : driverInfo((Connection) connection);
  }

  /** Counts as a JDBC call, so a driver that runs SQL of its own to answer adds no span. */
  private ConnectionInfo driverInfo(Connection connection) {
    Span outer = activeCall.get();
    activeCall.set(Span.getInvalid());
    try {
      // Asking a pool's proxy for its metadata may have side effects (HikariCP marks the
      // transaction dirty); the driver's connection has none.
      Connection driver = unwrap(connection);
      ConnectionInfo info = driver == connection ? null : connections.get(driver);
      if (info == null) {
        info = forUrl(urlOf(driver));
        connections.put(driver, info);
      }
      return info;
    } finally {
      activeCall.set(outer);
    }
  }

  private ConnectionInfo forUrl(String url) {
    if (url == null) {
      return JdbcUrlParser.UNKNOWN;
    }
    ConnectionInfo info = urls.get(url);
    if (info == null) {
      info = JdbcUrlParser.parse(url);
      if (urls.size() < MAX_URLS) {
        urls.put(url, info);
      }
    }
    return info;
  }

  // A driver that cannot unwrap (JDBC 3 has no unwrap), tell its URL or name its connection still
  // gets spans, only without connection details.

  private static Connection unwrap(Connection connection) {
    try {
      Connection inner = connection.unwrap(Connection.class);
      return inner != null ? inner : connection;
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      return connection;
    }
  }

  private static String urlOf(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData == null ? null : metaData.getURL();
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private static Object connectionOf(Object statement) {
    if (!(statement instanceof Statement)) {
      return null;
    }
    try {
      return ((Statement) statement).getConnection();
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }
}
