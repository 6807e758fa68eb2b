package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.bridge.JdbcBridge;
import io.malar.agent.core.binds.BindSource;
import io.malar.agent.core.binds.CallBinds;
import io.malar.agent.core.instrument.BridgeOnlyLoader;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.ModuleInstaller;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advice, installed by the core's installer, on real H2 behind a real HikariCP pool.
 *
 * <p>The installer leaves the class loader that holds the agent alone, which in this test is the
 * application class loader; so H2 and HikariCP are loaded again by a loader of their own that,
 * like any class loader under a real agent, sees the bridge.
 */
class JdbcAdviceTest {
  private static final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  /** The bind values handed on while each span ended, in order. */
  private static final List<Object[]> bindsAtEnd = new CopyOnWriteArrayList<>();
  private static final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(exporter))
          .addSpanProcessor(new BindsAtEnd())
          .build();
  private static final Tracer tracer = tracerProvider.get("test");
  private static final List<Throwable> adviceErrors = new ArrayList<>();

  private static URLClassLoader libraries;
  private static DataSource pool;

  @BeforeAll
  static void installTheAdvice() throws Exception {
    AdviceErrors.setListener(adviceErrors::add);
    JdbcBridge.install(new JdbcTracingHook(tracer, true));
    List<InstrumentationModule> modules = List.of(new JdbcInstrumentationModule(true));
    ModuleInstaller.register(ByteBuddyAgent.install(), modules, System.nanoTime()).complete();

    libraries =
        new URLClassLoader(
            new URL[] {jarOf(org.h2.Driver.class), jarOf(HikariDataSource.class), jarOf(org.slf4j.Logger.class)},
            new BridgeOnlyLoader());
    DataSource h2 = (DataSource) libraries.loadClass("org.h2.jdbcx.JdbcDataSource").getConstructor().newInstance();
    h2.getClass().getMethod("setURL", String.class).invoke(h2, "jdbc:h2:mem:advice;DB_CLOSE_DELAY=-1");
    pool = (DataSource) libraries.loadClass("com.zaxxer.hikari.HikariDataSource").getConstructor().newInstance();
    pool.getClass().getMethod("setMaximumPoolSize", int.class).invoke(pool, 2);
    pool.getClass().getMethod("setDataSource", DataSource.class).invoke(pool, h2);

    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE farmers (id INT PRIMARY KEY, name VARCHAR(100), phone VARCHAR(30))");
      statement.execute("INSERT INTO farmers VALUES (1, 'Lakshmi', '+91 98400 12345')");
      statement.execute("INSERT INTO farmers VALUES (2, 'Kannan', '+91 98400 67890')");
    }
  }

  @AfterAll
  static void closeThePool() throws Exception {
    ((AutoCloseable) pool).close();
    libraries.close();
    tracerProvider.close();
  }

  @BeforeEach
  void forgetEarlierSpans() {
    exporter.reset();
    bindsAtEnd.clear();
  }

  @AfterEach
  void noAdviceFailed() {
    assertThat(adviceErrors).isEmpty();
  }

  @Test
  void theStatementsComeFromThePoolAndTheDriverBehindIt() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(statement.getClass().getName()).startsWith("com.zaxxer.hikari.");
      assertThat(statement.unwrap(Statement.class).getClass().getName()).startsWith("org.h2.");
    }
  }

  @Test
  void executeQueryOnAPooledStatementIsOneSpan() throws SQLException {
    String name;
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT name FROM farmers WHERE phone = '+91 98400 12345'")) {
      name = resultSet.next() ? resultSet.getString(1) : null;
    }

    assertThat(name).isEqualTo("Lakshmi");
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("SELECT farmers")
        .hasKind(SpanKind.CLIENT)
        .hasAttribute(AttributeKey.stringKey("db.system.name"), "h2database")
        .hasAttribute(AttributeKey.stringKey("db.namespace"), "advice")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), "SELECT name FROM farmers WHERE phone = ?");
    assertThat(span.toString()).doesNotContain("98400").doesNotContain("Lakshmi");
  }

  @Test
  void aPreparedStatementWithBindsIsOneSpan() throws SQLException {
    int updated;
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement("UPDATE farmers SET phone = ? WHERE name = ?")) {
      statement.setString(1, "+91 98400 54321");
      statement.setString(2, "Kannan");
      updated = statement.executeUpdate();
    }

    assertThat(updated).isEqualTo(1);
    assertThat(onlySpan())
        .hasName("UPDATE farmers")
        .hasAttribute(AttributeKey.stringKey("db.operation.name"), "UPDATE")
        .hasAttribute(AttributeKey.stringKey("db.collection.name"), "farmers")
        .hasAttribute(AttributeKey.stringKey("db.query.text"), "UPDATE farmers SET phone = ? WHERE name = ?");
  }

  @Test
  void aBatchOfThreeIsOneSpan() throws SQLException {
    int[] counts;
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO farmers VALUES (?, ?, ?)")) {
      for (int id = 10; id < 13; id++) {
        statement.setInt(1, id);
        statement.setString(2, "farmer " + id);
        statement.setString(3, "phone " + id);
        statement.addBatch();
      }
      counts = statement.executeBatch();
    }

    assertThat(counts).containsExactly(1, 1, 1);
    assertThat(onlySpan())
        .hasName("BATCH INSERT farmers")
        .hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 3L)
        .hasAttribute(AttributeKey.stringKey("db.query.text"), "INSERT INTO farmers VALUES (?, ?, ?)");
  }

  @Test
  void aBatchOfPlainStatementsIsOneSpan() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO farmers VALUES (20, 'Meena', '+91 90000 11111')");
      statement.addBatch("DELETE FROM farmers WHERE id = 20");
      statement.executeBatch();
      assertThat(onlySpan())
          .hasName("BATCH")
          .hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 2L)
          .hasAttribute(
              AttributeKey.stringKey("db.query.text"),
              "INSERT INTO farmers VALUES (?, ?, ?); DELETE FROM farmers WHERE id = ?");
      exporter.reset();

      // the driver's statement behind the proxy must not carry the old batch into the next one
      statement.addBatch("DELETE FROM farmers WHERE id = 21");
      statement.addBatch("DELETE FROM farmers WHERE id = 22");
      statement.executeBatch();
    }

    assertThat(onlySpan())
        .hasName("BATCH DELETE farmers")
        .hasAttribute(AttributeKey.longKey("db.operation.batch.size"), 2L);
  }

  @Test
  void aFailingStatementReachesTheCallerUnchangedAndIsRecorded() throws SQLException {
    SQLException thrown;
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      thrown = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT * FROM no_such_table"));
    }

    assertThat(thrown.getClass().getName()).isEqualTo("org.h2.jdbc.JdbcSQLSyntaxErrorException");
    assertThat(thrown.getErrorCode()).isEqualTo(42102);
    assertThat(thrown.getMessage()).contains("NO_SUCH_TABLE");
    SpanData span = onlySpan();
    FailedCallAssertions.assertFailedCall(span, "SELECT no_such_table", thrown);
  }

  @Test
  void theCallAfterAFailureIsTracedAgain() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      catchThrowableOfType(SQLException.class, () -> statement.execute("DELETE FROM no_such_table"));
      exporter.reset();

      assertThat(statement.execute("SELECT 1")).isTrue();
    }

    assertThat(onlySpan()).hasName("SELECT");
  }

  @Test
  void theSpanIsAChildOfTheCurrentSpan() throws SQLException {
    Span parent = tracer.spanBuilder("GET /farmers").startSpan();
    Scope scope = parent.makeCurrent();
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM farmers")) {
      statement.executeQuery().close();
    } finally {
      scope.close();
      parent.end();
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0)).hasName("SELECT farmers").hasParentSpanId(parent.getSpanContext().getSpanId());
  }

  @Test
  void theBindsOfAPreparedCallAreHandedOnWhileItsSpanEndsAndOnlyThen() throws SQLException {
    String name;
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT name FROM farmers WHERE id = ? AND phone = ? AND (? IS NULL)")) {
      statement.setInt(1, 1);
      statement.setString(2, "+91 98400 12345");
      statement.setNull(3, Types.VARCHAR);
      try (ResultSet rows = statement.executeQuery()) {
        name = rows.next() ? rows.getString(1) : null;
      }
    }

    assertThat(name).isEqualTo("Lakshmi");
    assertThat(bindsAtEnd).singleElement().satisfies(binds -> assertThat(binds).containsExactly(1, "+91 98400 12345", null));
    assertThat(CallBinds.ofCallInProgress()).isNull();
    // the values are handed on, never put on the span
    assertThat(onlySpan().toString()).doesNotContain("98400");
  }

  @Test
  void clearedParametersAreForgotten() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT name FROM farmers WHERE id = ? AND name = ?")) {
      statement.setInt(1, 1);
      statement.setString(2, "Lakshmi");
      statement.clearParameters();
      statement.setInt(1, 2);
      // the second parameter is no longer set: the driver refuses the call
      catchThrowableOfType(SQLException.class, statement::executeQuery);
    }

    assertThat(bindsAtEnd).singleElement().satisfies(binds -> assertThat(binds).containsExactly(2));
  }

  @Test
  void plainStatementsAndBatchesHandOnNoBinds() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement plain = connection.createStatement();
        PreparedStatement batch = connection.prepareStatement("DELETE FROM farmers WHERE id = ?")) {
      plain.executeQuery("SELECT COUNT(*) FROM farmers").close();
      batch.setInt(1, 30);
      batch.addBatch();
      batch.setInt(1, 31);
      batch.addBatch();
      batch.executeBatch();
    }

    assertThat(exporter.getFinishedSpanItems()).hasSize(2);
    assertThat(bindsAtEnd).hasSize(2).containsOnlyNulls();
  }

  private static SpanData onlySpan() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static URL jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Notes what {@link CallBinds} holds while each span ends, on the thread that ends it. */
  private static final class BindsAtEnd implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      BindSource binds = CallBinds.ofCallInProgress();
      bindsAtEnd.add(binds == null ? null : binds.bindsNow());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
