package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThatThrownBy;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.catchThrowableOfType;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the hook as the advice would, against real H2 statements. */
class JdbcTracingHookTest {
  private static final String PHONE = "+91 98400 12345";
  private static final String NAME = "Lakshmi";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final Tracer tracer = tracerProvider.get("test");
  private final JdbcTracingHook hook = new JdbcTracingHook(tracer, false);
  private Connection connection;

  @BeforeEach
  void createLedger() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:hook;DB_CLOSE_DELAY=-1");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE farmers (id INT PRIMARY KEY, name VARCHAR(100), phone VARCHAR(30))");
      statement.execute("INSERT INTO farmers VALUES (1, 'Lakshmi', '+91 98400 12345')");
    }
  }

  @AfterEach
  void dropLedger() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP ALL OBJECTS");
    }
    connection.close();
    tracerProvider.close();
  }

  @Test
  void aPreparedQueryIsOneClientSpanNamedByItsShape() throws Exception {
    String sql = "SELECT name FROM farmers WHERE phone = ?";
    PreparedStatement statement = prepare(sql);
    statement.setString(1, PHONE);

    String name = call(statement, null, false, () -> firstString(statement.executeQuery()));

    assertThat(name).isEqualTo(NAME);
    assertThat(onlySpan())
        .hasName("SELECT farmers")
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("db.system.name"), "h2database"),
            equalTo(AttributeKey.stringKey("db.namespace"), "hook"),
            equalTo(AttributeKey.stringKey("db.operation.name"), "SELECT"),
            equalTo(AttributeKey.stringKey("db.collection.name"), "farmers"),
            equalTo(AttributeKey.stringKey("db.query.text"), sql));
  }

  @Test
  void literalsNeverReachTheSpan() throws Exception {
    Statement statement = create();
    String sql = "SELECT id FROM farmers WHERE phone = '" + PHONE + "' AND name = '" + NAME + "'";

    call(statement, sql, false, () -> firstString(statement.executeQuery(sql)));

    SpanData span = onlySpan();
    assertThat(span)
        .hasName("SELECT farmers")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), "SELECT id FROM farmers WHERE phone = ? AND name = ?");
    assertThat(span.toString()).doesNotContain("98400").doesNotContain(NAME);
  }

  @Test
  void aPreparedBatchIsOneSpanWithItsSize() throws Exception {
    String sql = "INSERT INTO farmers (id, name, phone) VALUES (?, ?, ?)";
    PreparedStatement statement = prepare(sql);
    for (int id = 2; id <= 4; id++) {
      statement.setInt(1, id);
      statement.setString(2, "farmer " + id);
      statement.setString(3, "phone " + id);
      statement.addBatch();
      hook.batchAdded(statement, null);
    }

    int[] counts = call(statement, null, true, statement::executeBatch);

    assertThat(counts).containsExactly(1, 1, 1);
    assertThat(onlySpan())
        .hasName("BATCH INSERT farmers")
        .hasAttribute(AttributeKey.stringKey("db.operation.name"), "BATCH INSERT")
        .hasAttribute(AttributeKey.stringKey("db.collection.name"), "farmers")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), sql)
        .hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 3L);
  }

  @Test
  void aBatchOfDifferentStatementsJoinsTheirSanitizedTexts() throws Exception {
    Statement statement = create();
    String insert = "INSERT INTO farmers VALUES (9, '" + NAME + "', '" + PHONE + "')";
    String update = "UPDATE farmers SET phone = '" + PHONE + "' WHERE id = 1";
    for (String sql : new String[] {insert, update, update}) {
      statement.addBatch(sql);
      hook.batchAdded(statement, sql);
    }

    call(statement, null, true, statement::executeBatch);

    SpanData span = onlySpan();
    assertThat(span)
        .hasName("BATCH")
        .hasAttribute(AttributeKey.stringKey("db.operation.name"), "BATCH")
        .hasAttribute(
            AttributeKey.stringKey("db.query.text"),
            "INSERT INTO farmers VALUES (?, ?, ?); UPDATE farmers SET phone = ? WHERE id = ?")
        .hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 3L);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isNull();
    assertThat(span.toString()).doesNotContain("98400").doesNotContain(NAME);
  }

  @Test
  void theBatchStartsAfreshAfterItRan() throws Exception {
    PreparedStatement statement = prepare("DELETE FROM farmers WHERE id = ?");
    statement.setInt(1, 1);
    statement.addBatch();
    hook.batchAdded(statement, null);
    statement.setInt(1, 2);
    statement.addBatch();
    hook.batchAdded(statement, null);
    call(statement, null, true, statement::executeBatch);
    exporter.reset();

    call(statement, null, true, statement::executeBatch);

    assertThat(onlySpan()).hasName("BATCH").hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 0L);
  }

  @Test
  void aBatchOfOneIsAnOrdinaryCall() throws Exception {
    PreparedStatement statement = prepare("DELETE FROM farmers WHERE id = ?");
    statement.setInt(1, 1);
    statement.addBatch();
    hook.batchAdded(statement, null);

    call(statement, null, true, statement::executeBatch);

    SpanData span = onlySpan();
    assertThat(span).hasName("DELETE farmers").hasAttribute(AttributeKey.stringKey("db.operation.name"), "DELETE");
    assertThat(span.getAttributes().get(AttributeKey.longKey("db.operation.batch.size"))).isNull();
  }

  @Test
  void aFailureIsRecorded() throws Exception {
    Statement statement = create();
    String sql = "SELECT * FROM no_such_table";

    SQLException thrown =
        catchThrowableOfType(SQLException.class, () -> call(statement, sql, false, () -> statement.executeQuery(sql)));

    assertThat((Throwable) thrown).isNotNull();
    SpanData span = onlySpan();
    FailedCallAssertions.assertFailedCall(span, "SELECT no_such_table", thrown);
  }

  @Test
  void aCallInsideACallAddsNoSpan() throws Exception {
    PreparedStatement outer = prepare("SELECT name FROM farmers WHERE id = ?");
    PreparedStatement inner = prepare("SELECT name FROM farmers WHERE id = ?");
    outer.setInt(1, 1);
    inner.setInt(1, 1);

    String name =
        call(outer, null, false, () -> call(inner, null, false, () -> firstString(inner.executeQuery())));

    assertThat(name).isEqualTo(NAME);
    assertThat(onlySpan()).hasName("SELECT farmers");
  }

  @Test
  void theMarkerIsClearedWhenTheCallFails() throws Exception {
    Statement failing = create();
    String bad = "SELECT * FROM no_such_table";
    assertThatThrownBy(() -> call(failing, bad, false, () -> failing.executeQuery(bad))).isInstanceOf(SQLException.class);
    exporter.reset();

    Statement next = create();
    call(next, "SELECT 1", false, () -> firstString(next.executeQuery("SELECT 1")));

    assertThat(onlySpan()).hasName("SELECT");
  }

  @Test
  void theSpanIsAChildOfTheCurrentSpan() throws Exception {
    Statement statement = create();
    Span parent = tracer.spanBuilder("GET /farmers").startSpan();
    Scope scope = parent.makeCurrent();
    try {
      call(statement, "SELECT 1", false, () -> statement.execute("SELECT 1"));
    } finally {
      scope.close();
      parent.end();
    }

    SpanData client = exporter.getFinishedSpanItems().get(0);
    assertThat(client).hasName("SELECT").hasParentSpanId(parent.getSpanContext().getSpanId());
  }

  @Test
  void aStatementNeverAnnouncedFindsItsConnection() throws Exception {
    Statement statement = connection.createStatement();

    call(statement, "DELETE FROM farmers", false, () -> statement.executeUpdate("DELETE FROM farmers"));

    assertThat(onlySpan())
        .hasName("DELETE farmers")
        .hasAttribute(AttributeKey.stringKey("db.system.name"), "h2database")
        .hasAttribute(AttributeKey.stringKey("db.namespace"), "hook");
  }

  @Test
  void aStatementWithoutAnyKnownSqlIsNamedAfterTheSystem() throws Exception {
    Statement statement = connection.createStatement();

    call(statement, null, false, () -> statement.execute("SELECT 1"));

    assertThat(onlySpan()).hasName("h2database");
  }

  @Test
  void aPooledConnectionIsDescribedByTheDriverConnectionBehindIt() throws Exception {
    // a pool's proxy may react to getMetaData (HikariCP marks the transaction dirty): only unwrap it
    Connection pooled =
        connectionAnswering(
            (proxy, method, args) -> {
              if (method.getName().equals("unwrap")) {
                return connection;
              }
              throw new AssertionError("the hook called " + method.getName() + " on the pooled connection");
            });
    String sql = "SELECT name FROM farmers";
    PreparedStatement statement = connection.prepareStatement(sql);
    created(pooled, statement, sql);

    call(statement, null, false, () -> firstString(statement.executeQuery()));

    assertThat(onlySpan())
        .hasName("SELECT farmers")
        .hasAttribute(AttributeKey.stringKey("db.system.name"), "h2database")
        .hasAttribute(AttributeKey.stringKey("db.namespace"), "hook");
  }

  @Test
  void aConnectionThatCannotTellItsUrlStillGetsSpans() throws Exception {
    Connection silent =
        connectionAnswering(
            (proxy, method, args) -> {
              throw new SQLFeatureNotSupportedException(method.getName());
            });
    String sql = "SELECT name FROM farmers";
    PreparedStatement statement = connection.prepareStatement(sql);
    created(silent, statement, sql);

    call(statement, null, false, () -> firstString(statement.executeQuery()));

    assertThat(onlySpan())
        .hasName("SELECT farmers")
        .hasAttribute(AttributeKey.stringKey("db.system.name"), "other_sql")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), sql);
  }

  @Test
  void onlyTheOutermostCreationIsReportedAndItsStatementKeepsItsSql() throws Exception {
    String sql = "SELECT name FROM farmers WHERE phone = ?";
    Object outer = hook.statementCreationStarted();
    // the proxy's call makes the driver's statement: the driver's advice runs first
    PreparedStatement driverStatement = connection.prepareStatement(sql);
    Object inner = hook.statementCreationStarted();
    assertThat(inner).isNull();
    PreparedStatement proxyStatement = connection.prepareStatement(sql);
    hook.statementCreated(outer, connection, proxyStatement, sql);
    proxyStatement.setString(1, PHONE);

    String name = call(proxyStatement, null, false, () -> firstString(proxyStatement.executeQuery()));

    assertThat(name).isEqualTo(NAME);
    assertThat(onlySpan()).hasName("SELECT farmers").hasAttribute(AttributeKey.stringKey("db.query.text"), sql);
    driverStatement.close();
  }

  @Test
  void aCreationThatThrowsLeavesTheThreadOutsideAnyCall() throws Exception {
    hook.statementCreated(hook.statementCreationStarted(), connection, null, "SELECT name FROM farmers");
    PreparedStatement statement = prepare("SELECT name FROM farmers");

    call(statement, null, false, () -> firstString(statement.executeQuery()));

    assertThat(onlySpan()).hasName("SELECT farmers");
  }

  @Test
  void aStatementCreatedWhileACallRunsIsTheDriversOwnAndNotRemembered() throws Exception {
    PreparedStatement statement = prepare("SELECT name FROM farmers");
    Object token = hook.executeStart(statement, null, false);
    assertThat(hook.statementCreationStarted()).isNull();
    hook.executeEnd(token, null);

    Object after = hook.statementCreationStarted();
    hook.statementCreated(after, connection, null, null);
    assertThat(after).isNotNull();
  }

  private static Connection connectionAnswering(InvocationHandler handler) {
    return (Connection)
        Proxy.newProxyInstance(
            JdbcTracingHookTest.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    created(connection, statement, sql);
    return statement;
  }

  private Statement create() throws SQLException {
    Statement statement = connection.createStatement();
    created(connection, statement, null);
    return statement;
  }

  /** As the advice reports an outermost creation that returned {@code statement}. */
  private void created(Connection by, Statement statement, String sql) {
    hook.statementCreated(hook.statementCreationStarted(), by, statement, sql);
  }

  /** What the advice and the bridge do around an execute call. */
  private <T> T call(Statement statement, String sql, boolean batch, Callable<T> execute) throws Exception {
    Object token = hook.executeStart(statement, sql, batch);
    T result;
    try {
      result = execute.call();
    } catch (Throwable t) {
      if (token != null) {
        hook.executeEnd(token, t);
      }
      throw t;
    }
    if (token != null) {
      hook.executeEnd(token, null);
    }
    return result;
  }

  private SpanData onlySpan() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static String firstString(ResultSet resultSet) throws SQLException {
    try (resultSet) {
      return resultSet.next() ? resultSet.getString(1) : null;
    }
  }
}
