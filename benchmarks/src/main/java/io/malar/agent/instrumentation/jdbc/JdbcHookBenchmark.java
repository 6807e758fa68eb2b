package io.malar.agent.instrumentation.jdbc;

import io.malar.agent.benchmarks.OpenRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JDBC hook does for one prepared query through a pool, as the advice calls it with
 * HikariCP in front of a driver: a connection borrowed (a new proxy per borrow, unwrapping to the
 * driver's connection), the statement prepared (the proxy's call around the driver's), executed
 * (the proxy's call makes the span, the driver's inner call adds nothing), all inside an open
 * request. {@code preparedQuery} is the whole cycle; {@code reexecutedQuery} runs a statement
 * prepared once, which isolates a span's cost from the statement's bookkeeping. The per-borrow
 * proxy itself (a JDK proxy and its handler) is the benchmark's own allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class JdbcHookBenchmark {
  private static final String SQL = "SELECT id, name, village FROM farmers WHERE id = ?";

  private OpenRequest request;
  private JdbcTracingHook hook;
  private Connection driverConnection;
  private Object preparedProxy;
  private Object preparedDriver;

  @Setup(Level.Trial)
  public void setUp() {
    request = new OpenRequest();
    hook = new JdbcTracingHook(request.tracer(), false);
    DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (p, method, args) -> "getURL".equals(method.getName()) ? "jdbc:h2:mem:ledger" : null);
    driverConnection = proxy(Connection.class, (p, method, args) -> {
      switch (method.getName()) {
        case "getMetaData":
          return metaData;
        case "unwrap":
          return p;
        default:
          return null;
      }
    });
    Connection borrowed = borrow();
    preparedDriver = new Object();
    preparedProxy = new Object();
    prepare(borrowed, preparedProxy, preparedDriver);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    request.close();
  }

  @Benchmark
  @SuppressWarnings("try") // the scope only makes the request current
  public void preparedQuery() {
    try (io.opentelemetry.context.Scope ignored = request.enter()) {
      Connection borrowed = borrow();
      Object driverStatement = new Object();
      Object proxyStatement = new Object();
      prepare(borrowed, proxyStatement, driverStatement);
      execute(proxyStatement, driverStatement);
    }
  }

  @Benchmark
  @SuppressWarnings("try") // the scope only makes the request current
  public void reexecutedQuery() {
    try (io.opentelemetry.context.Scope ignored = request.enter()) {
      execute(preparedProxy, preparedDriver);
    }
  }

  /** The proxy's prepareStatement around the driver's: enter, enter, exit, exit. */
  private void prepare(Connection borrowed, Object proxyStatement, Object driverStatement) {
    Object outer = hook.statementCreationStarted();
    Object inner = hook.statementCreationStarted();
    // the bridge passes on no null token, as here
    if (inner != null) {
      hook.statementCreated(inner, driverConnection, driverStatement, SQL);
    }
    hook.statementCreated(outer, borrowed, proxyStatement, SQL);
  }

  private void execute(Object proxyStatement, Object driverStatement) {
    Object token = hook.executeStart(proxyStatement, null, false);
    // the bridge passes on no null token, as here
    if (hook.executeStart(driverStatement, null, false) != null) {
      throw new AssertionError("the driver's inner call made a span");
    }
    hook.executeEnd(token, null);
  }

  /** A pool's connection proxy: new per borrow, unwrapping to the driver's connection. */
  private Connection borrow() {
    Connection driver = driverConnection;
    return proxy(Connection.class, (p, method, args) -> "unwrap".equals(method.getName()) ? driver : null);
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(JdbcHookBenchmark.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
