package io.malar.ledger;

import com.zaxxer.hikari.HikariDataSource;
import io.malar.ledger.db.Database;
import io.malar.ledger.db.Migrations;
import io.malar.ledger.db.Seeder;
import io.malar.ledger.entries.EntriesServlet;
import io.malar.ledger.farmers.Farmer;
import io.malar.ledger.farmers.FarmersServlet;
import io.malar.ledger.health.HealthServlet;
import io.malar.ledger.notifications.NotificationRepository;
import io.malar.ledger.notifications.NotificationWorker;
import io.malar.ledger.notifications.NotificationsServlet;
import io.malar.ledger.notifications.WhatsAppSender;
import io.malar.ledger.redis.JsonCache;
import io.malar.ledger.redis.NotificationQueue;
import io.malar.ledger.redis.Redis;
import io.malar.ledger.reports.DailySummary;
import io.malar.ledger.reports.ReportsServlet;
import io.malar.ledger.settlements.SettlementsServlet;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Malar Market ledger: Redis, the database (migrated, seeded when empty), the notification
 * worker and the HTTP API on Jetty. {@code main} runs it until the JVM is asked to stop.
 */
public final class LedgerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerServer.class);
  private static final long SEED = 42;
  private static final long FARMER_CACHE_SECONDS = 300;
  private static final long SUMMARY_CACHE_SECONDS = 60;

  private final Redis redis;
  private final HikariDataSource dataSource;
  private final NotificationWorker worker;
  private final Server jetty;

  private LedgerServer(Redis redis, HikariDataSource dataSource, NotificationWorker worker, Server jetty) {
    this.redis = redis;
    this.dataSource = dataSource;
    this.worker = worker;
    this.jetty = jetty;
  }

  public static void main(String[] args) throws Exception {
    LedgerServer ledger = start(LedgerConfig.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "ledger-shutdown"));
    // the line scripts and tests wait for
    System.out.println("READY " + ledger.port());
    ledger.jetty.join();
  }

  public static LedgerServer start(LedgerConfig config) throws Exception {
    Redis redis = Redis.open(config);
    HikariDataSource dataSource = null;
    NotificationWorker worker = null;
    try {
      dataSource = Database.open(config);
      int version = Migrations.migrate(dataSource);
      boolean seeded = config.seed() && Seeder.seedIfEmpty(dataSource, SEED);
      LOG.info("database {} at schema version {}{}", dataSource.getJdbcUrl(), version, seeded ? ", seeded" : "");
      LOG.info("redis: {}", redis.description());

      NotificationQueue queue = new NotificationQueue(redis);
      worker = new NotificationWorker(queue, new NotificationRepository(dataSource),
          new WhatsAppSender(config.whatsappFailureRate()));
      JsonCache<DailySummary> summaries = new JsonCache<>(redis, "summary:", SUMMARY_CACHE_SECONDS, DailySummary.class);

      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      add(context, "/api/v1/farmers/*",
          new FarmersServlet(dataSource, new JsonCache<>(redis, "farmer:", FARMER_CACHE_SECONDS, Farmer.class)));
      add(context, "/api/v1/entries/*", new EntriesServlet(dataSource, queue, summaries));
      add(context, "/api/v1/settlements/*", new SettlementsServlet(dataSource, queue));
      add(context, "/api/v1/notifications/*", new NotificationsServlet(dataSource));
      add(context, "/api/v1/reports/*", new ReportsServlet(dataSource, summaries));
      add(context, "/health/*", new HealthServlet(dataSource, redis, queue, worker, config.environment()));

      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost(config.bindAddress());
      connector.setPort(config.port());
      jetty.addConnector(connector);
      jetty.setHandler(context);
      jetty.setStopTimeout(5_000);
      worker.start();
      jetty.start();
      LOG.info("Malar Market ledger listening on http://{}:{}", config.bindAddress(), connector.getLocalPort());
      return new LedgerServer(redis, dataSource, worker, jetty);
    } catch (Exception | Error e) {
      if (worker != null) {
        worker.stop();
      }
      if (dataSource != null) {
        dataSource.close();
      }
      redis.close();
      throw e;
    }
  }

  private static void add(ServletContextHandler context, String mapping, HttpServlet servlet) {
    context.addServlet(new ServletHolder(servlet), mapping);
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /**
   * Lets the worker finish its notice (first: an embedded redis-server is stopped by its own shutdown
   * hook meanwhile), stops taking requests, then closes the pool and Redis.
   */
  @Override
  public void close() {
    try {
      worker.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping Jetty: {}", e.toString());
    }
    dataSource.close();
    redis.close();
    LOG.info("Malar Market ledger stopped");
  }
}
