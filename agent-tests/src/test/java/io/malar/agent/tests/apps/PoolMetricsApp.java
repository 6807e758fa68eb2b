package io.malar.agent.tests.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * Connection pools on H2 under a load that exhausts them, then left idle until the test stops the
 * application. {@code hikari}: pool {@code orders} (2 connections) borrowed by 6 threads, and pool
 * {@code reports} with the application's own metrics tracker, whose counts it prints, and pool
 * {@code nightly}, shut down after the load; {@code
 * dbcp2-tomcat}: a DBCP2 and a Tomcat JDBC pool of 2, each held full while a third caller waits.
 */
public final class PoolMetricsApp {
  public static final int ORDERS_MAX = 2;
  public static final int THREADS = 6;
  public static final int BORROWS_PER_THREAD = 3;
  public static final int REPORT_QUERIES = 5;

  public static void main(String[] args) throws Exception {
    System.out.println("READY 0");
    if (args[0].equals("hikari")) {
      hikari();
    } else {
      dbcp2AndTomcat();
    }
    System.out.println("LOAD DONE");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void hikari() throws Exception {
    HikariDataSource orders = new HikariDataSource(hikariConfig("orders", ORDERS_MAX));
    HikariConfig reportsConfig = hikariConfig("reports", 3);
    AtomicInteger acquired = new AtomicInteger();
    AtomicInteger used = new AtomicInteger();
    reportsConfig.setMetricsTrackerFactory(countingTracker(acquired, used));
    HikariDataSource reports = new HikariDataSource(reportsConfig);
    HikariDataSource nightly = new HikariDataSource(hikariConfig("nightly", 1));
    query(nightly);
    for (int i = 0; i < REPORT_QUERIES; i++) {
      query(reports);
    }
    System.out.println("reports tracker acquired " + acquired + " used " + used);
    AtomicInteger borrows = new AtomicInteger();
    onThreads(
        THREADS,
        () -> {
          for (int i = 0; i < BORROWS_PER_THREAD; i++) {
            try (Connection connection = orders.getConnection()) {
              borrows.incrementAndGet();
              Thread.sleep(400);
            }
          }
        });
    System.out.println("orders borrows " + borrows);
    nightly.close();
  }

  private static HikariConfig hikariConfig(String name, int max) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(max);
    config.setConnectionTimeout(30_000);
    return config;
  }

  /** The application's own tracker: it must see every call it saw without the agent. */
  private static MetricsTrackerFactory countingTracker(AtomicInteger acquired, AtomicInteger used) {
    return (poolName, poolStats) ->
        new IMetricsTracker() {
          @Override
          public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
            acquired.incrementAndGet();
          }

          @Override
          public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
            used.incrementAndGet();
          }
        };
  }

  private static void dbcp2AndTomcat() throws Exception {
    BasicDataSource dbcp2 = new BasicDataSource();
    dbcp2.setUrl("jdbc:h2:mem:dbcp2;DB_CLOSE_DELAY=-1");
    dbcp2.setMaxTotal(2);
    dbcp2.setJmxName("org.apache.commons.dbcp2:type=BasicDataSource,name=ledger-dbcp2");
    query(dbcp2);
    holdFull(dbcp2);
    org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource();
    tomcat.setUrl("jdbc:h2:mem:tomcat;DB_CLOSE_DELAY=-1");
    tomcat.setDriverClassName("org.h2.Driver");
    tomcat.setName("ledger-tomcat");
    tomcat.setMaxActive(2);
    tomcat.setMaxIdle(2);
    tomcat.setInitialSize(0);
    query(tomcat);
    holdFull(tomcat);
  }

  /** Both connections borrowed and a third caller waiting, for three seconds. */
  private static void holdFull(DataSource pool) throws Exception {
    onThreads(
        3,
        () -> {
          try (Connection connection = pool.getConnection()) {
            Thread.sleep(3000);
          }
        });
    System.out.println("held " + pool.getClass().getSimpleName());
  }

  private interface Borrowing {
    void run() throws SQLException, InterruptedException;
  }

  /** Runs {@code work} on {@code count} threads at once and waits for them. */
  private static void onThreads(int count, Borrowing work) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      threads.add(
          new Thread(
              () -> {
                try {
                  work.run();
                } catch (SQLException | InterruptedException e) {
                  System.out.println("borrow failed: " + e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void query(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }
}
