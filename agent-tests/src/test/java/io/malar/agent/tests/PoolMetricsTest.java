package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.PoolMetricsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.otlp.receiver.OtlpReceiver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The semconv connection-pool metrics over OTLP, read from real pools on H2 while a load exhausts
 * them and after it: HikariCP (newest and oldest supported), DBCP2 and Tomcat JDBC.
 */
class PoolMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String COUNT = "db.client.connection.count";
  private static final String MAX = "db.client.connection.max";
  private static final String PENDING = "db.client.connection.pending_requests";
  private static final String WAIT_TIME = "db.client.connection.wait_time";
  private static final String USE_TIME = "db.client.connection.use_time";
  private static final int ORDERS_BORROWS = PoolMetricsApp.THREADS * PoolMetricsApp.BORROWS_PER_THREAD;

  /** One exported point: gauges carry {@code value}, histograms {@code count}. */
  private record Point(int export, String metric, String unit, String pool, String state, long value, long count) {}

  @Test
  void newestHikariPoolsUnderALoadThatExhaustsThem() throws Exception {
    hikari(null);
  }

  @Test
  void oldestHikariPoolsUnderALoadThatExhaustsThem() throws Exception {
    hikari(oldestJar("malar.test.hikari.oldest"));
  }

  private static void hikari(String hikariJar) throws Exception {
    String withoutAgent = loadDone(start(null, "hikari", "HikariCP-", hikariJar));
    assertThat(withoutAgent)
        .contains("reports tracker acquired " + PoolMetricsApp.REPORT_QUERIES + " used " + PoolMetricsApp.REPORT_QUERIES)
        .contains("orders borrows " + ORDERS_BORROWS)
        .doesNotContain("failed");
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app = start(receiver, "hikari", "HikariCP-", hikariJar)) {
      // the application's own tracker saw every call, as without the agent
      assertThat(awaitLoadDone(app)).isEqualTo(withoutAgent);
      int afterLoad = receiver.metricRequests().size();

      List<Point> during = points(receiver);
      assertThat(during).filteredOn(point -> point.metric().equals(PENDING) && point.pool().equals("orders"))
          .as("callers waited for the exhausted pool").anyMatch(point -> point.value() > 0);
      assertThat(during).filteredOn(point -> point.metric().equals(COUNT) && point.pool().equals("orders") && "used".equals(point.state()))
          .as("every connection in use").anyMatch(point -> point.value() == PoolMetricsApp.ORDERS_MAX);
      assertThat(during).filteredOn(point -> point.metric().equals(MAX))
          .extracting(Point::pool, Point::value).contains(Tuple.tuple("orders", 2L), Tuple.tuple("reports", 3L));
      assertThat(during).filteredOn(point -> point.metric().equals(COUNT)).extracting(Point::unit).containsOnly("{connection}");

      assertThat(during).as("a pool is read until it shuts down").anyMatch(point -> point.metric().equals(COUNT) && point.pool().equals("nightly"));

      // after the load: all idle, and every wait and use timed, the application's tracker or not;
      // one export more than those that may have been read before the load ended
      int later = afterLoad + 1;
      List<Point> idle =
          await(receiver, points -> points.stream().anyMatch(point -> point.export() >= later && isOrders(point, "used", 0))
              && points.stream().anyMatch(point -> point.export() >= later && isOrders(point, "idle", PoolMetricsApp.ORDERS_MAX)));
      assertThat(idle).filteredOn(point -> point.export() >= later && point.metric().equals(COUNT)).extracting(Point::pool)
          .as("the pool shut down is no longer read").containsOnly("orders", "reports");
      assertThat(latest(idle, WAIT_TIME, "orders").count()).isEqualTo(ORDERS_BORROWS);
      assertThat(latest(idle, USE_TIME, "orders").count()).isEqualTo(ORDERS_BORROWS);
      assertThat(latest(idle, WAIT_TIME, "reports").count()).isEqualTo(PoolMetricsApp.REPORT_QUERIES);
      assertThat(latest(idle, USE_TIME, "reports").unit()).isEqualTo("s");
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  @Test
  void dbcp2AndNewestTomcatJdbcPoolsAreCounted() throws Exception {
    dbcp2AndTomcat(null);
  }

  /** Tomcat 9's, the oldest tested: the same pool API. */
  @Test
  void dbcp2AndOldestTomcatJdbcPoolsAreCounted() throws Exception {
    dbcp2AndTomcat(oldestJar("malar.test.tomcat-jdbc.oldest"));
  }

  /** The jar the build copied for a test of the oldest version, named by a system property. */
  private static String oldestJar(String property) {
    String jar = System.getProperty(property);
    assertThat(Path.of(jar)).exists();
    return jar;
  }

  private static void dbcp2AndTomcat(String tomcatJdbcJar) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app = start(receiver, "dbcp2-tomcat", "tomcat-jdbc-", tomcatJdbcJar)) {
      String output = awaitLoadDone(app);
      assertThat(output).contains("held BasicDataSource", "held DataSource").doesNotContain("failed")
          .isEqualTo(loadDone(start(null, "dbcp2-tomcat", "tomcat-jdbc-", tomcatJdbcJar)));
      for (String pool : List.of("ledger-dbcp2", "ledger-tomcat")) {
        List<Point> seen =
            await(receiver, points -> points.stream().anyMatch(point -> point.pool().equals(pool) && point.metric().equals(COUNT) && "idle".equals(point.state()) && point.value() == 2));
        List<Point> ofPool = seen.stream().filter(point -> point.pool().equals(pool)).toList();
        assertThat(ofPool).as(pool).anyMatch(point -> point.metric().equals(COUNT) && "used".equals(point.state()) && point.value() == 2);
        assertThat(ofPool).as(pool).anyMatch(point -> point.metric().equals(PENDING) && point.value() == 1);
        assertThat(ofPool).as(pool).filteredOn(point -> point.metric().equals(MAX)).extracting(Point::value).containsOnly(2L);
      }
      // one query and three holders per pool; Tomcat's pool keeps each connection's borrow time
      List<Point> timed =
          await(receiver, points -> points.stream().anyMatch(point -> point.pool().equals("ledger-tomcat") && point.metric().equals(USE_TIME) && point.count() == 4));
      assertThat(latest(timed, WAIT_TIME, "ledger-dbcp2").count()).isEqualTo(4);
      assertThat(latest(timed, WAIT_TIME, "ledger-tomcat").count()).isEqualTo(4);
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  @Test
  void turnedOffNoPoolIsRead() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(PoolMetricsApp.class)
                .exportingTo(receiver)
                .property("otel.metric.export.interval", "500")
                .property("malar.agent.pool-metrics.enabled", "false")
                .args("hikari")
                .start()) {
      assertThat(awaitLoadDone(app)).contains("reports tracker acquired " + PoolMetricsApp.REPORT_QUERIES);
      // metrics were exported all along, without a pool's
      await(receiver, points -> true);
      assertThat(points(receiver)).isEmpty();
    }
  }

  private static boolean isOrders(Point point, String state, long value) {
    return point.metric().equals(COUNT) && point.pool().equals("orders") && state.equals(point.state()) && point.value() == value;
  }

  /** Without the agent when {@code receiver} is null; with {@code replacement}, if any, in place of the jar named {@code jarPrefix}. */
  private static AgentApp start(OtlpReceiver receiver, String mode, String jarPrefix, String replacement) throws Exception {
    AgentApp.Builder builder =
        AgentApp.main(PoolMetricsApp.class).property("otel.metric.export.interval", "500").args(mode);
    if (replacement != null) {
      builder = builder.replacingJar(jarPrefix, replacement);
    }
    return (receiver == null ? builder.withoutAgent() : builder.exportingTo(receiver)).start();
  }

  /** What the application printed once its load was done; the application is stopped if {@code app} was started here. */
  private static String loadDone(AgentApp app) throws Exception {
    try (app) {
      return awaitLoadDone(app);
    }
  }

  private static String awaitLoadDone(AgentApp app) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (app.stdout().contains("LOAD DONE")) {
        return app.stdout();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the load did not end\n" + app.output());
  }

  /** The pool points received so far, once {@code done} holds for them. */
  private static List<Point> await(OtlpReceiver receiver, Predicate<List<Point>> done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Point> points = points(receiver);
      if (!receiver.metricRequests().isEmpty() && done.test(points)) {
        return points;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the expected pool points never arrived: " + points(receiver));
  }

  private static Point latest(List<Point> points, String metric, String pool) {
    Point latest = null;
    for (Point point : points) {
      if (point.metric().equals(metric) && point.pool().equals(pool)) {
        latest = point;
      }
    }
    assertThat(latest).as(metric + " of " + pool).isNotNull();
    return latest;
  }

  private static List<Point> points(OtlpReceiver receiver) {
    List<Point> points = new ArrayList<>();
    List<ExportMetricsServiceRequest> requests = receiver.metricRequests();
    for (int export = 0; export < requests.size(); export++) {
      for (var resourceMetrics : requests.get(export).getResourceMetricsList()) {
        for (var scopeMetrics : resourceMetrics.getScopeMetricsList()) {
          for (Metric metric : scopeMetrics.getMetricsList()) {
            if (!metric.getName().startsWith("db.client.connection.")) {
              continue;
            }
            for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
              List<KeyValue> attributes = point.getAttributesList();
              points.add(new Point(export, metric.getName(), metric.getUnit(), attribute(attributes, "db.client.connection.pool.name"),
                  attribute(attributes, "db.client.connection.state"), point.getAsInt(), 0));
            }
            for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
              points.add(new Point(export, metric.getName(), metric.getUnit(), attribute(point.getAttributesList(), "db.client.connection.pool.name"),
                  null, 0, point.getCount()));
            }
          }
        }
      }
    }
    return points;
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(attribute -> attribute.getKey().equals(key)).map(attribute -> attribute.getValue().getStringValue())
        .findFirst().orElse(null);
  }
}
