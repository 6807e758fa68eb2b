package io.malar.agent.tests.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 with a database behind HikariCP, doing what the slow-call warnings look for: a
 * report whose query sleeps in the database, a page that loads farmers one query at a time, and a
 * fast lookup. H2 by default, where the sleep is {@code SLEEP_MS}, a Java function of this class;
 * PostgreSQL (args: URL, user and a table name of its own, dropped on exit), where it is
 * {@code pg_sleep}. The lines that issue the queries are marked, so the test can find their numbers.
 */
public final class SlowCallsApp {
  /** The contact of a farmer; its phone and email travel as bind values. */
  public static final String PHONE = "+91 98400 12345";
  public static final String EMAIL = "anbu@example.com";
  /** A name carrying a test card number, rejected with its duplicate id. */
  public static final String NAME_WITH_CARD = "Card 4111 1111 1111 1111";

  private final HikariDataSource pool;
  private final String table;
  /** The database's call that sleeps for a bound number of milliseconds. */
  private final String sleep;

  private SlowCallsApp(HikariDataSource pool, String table, String sleep) {
    this.pool = pool;
    this.table = table;
    this.sleep = sleep;
  }

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args.length > 0 ? args[0] : "jdbc:h2:mem:slowcalls;DB_CLOSE_DELAY=-1");
    if (args.length > 1) {
      config.setUsername(args[1]);
    }
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    boolean h2 = config.getJdbcUrl().startsWith("jdbc:h2:");
    SlowCallsApp app =
        new SlowCallsApp(pool, args.length > 2 ? args[2] : "slowcalls_farmers", h2 ? "SLEEP_MS(?)" : "pg_sleep(? / 1000.0)");
    app.createTable(h2);
    Runtime.getRuntime().addShutdownHook(new Thread(app::dropTable));
    // a cold JVM's first queries can be slow on a busy machine; the test wants only the sleep slow
    try (Connection connection = pool.getConnection()) {
      app.farmerNames(connection, 30);
    }
    app.fastLookup();

    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new Work(app)), "/work/*");
    // a route of its own: slow-request warnings are rate-limited per route
    context.addServlet(new ServletHolder(new Sleeping(app::monthlyReport)), "/report");
    context.addServlet(new ServletHolder(new Sleeping(app::contact)), "/contact");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  /** Called by H2 for {@code SLEEP_MS(millis)}: a query that takes that long in the database. */
  public static int sleepMs(int millis) throws InterruptedException {
    Thread.sleep(millis);
    return millis;
  }

  /** A report with a few quick lookups and one slow query. */
  String monthlyReport(int sleepMillis) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      String names = farmerNames(connection, 3);
      try (PreparedStatement totals = connection.prepareStatement("SELECT " + sleep)) {
        totals.setInt(1, sleepMillis);
        try (ResultSet rows = totals.executeQuery()) { // slow query issued here
          rows.next();
          return names + " slept " + sleepMillis;
        }
      }
    }
  }

  /** One query per farmer: the N+1 pattern. */
  String farmerNames(Connection connection, int count) throws SQLException {
    StringBuilder names = new StringBuilder();
    try (PreparedStatement byId = connection.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
      for (int id = 1; id <= count; id++) {
        byId.setInt(1, id);
        try (ResultSet rows = byId.executeQuery()) { // repeated query issued here
          rows.next();
          names.append(rows.getString(1)).append(';');
        }
      }
    }
    return names.toString();
  }

  /** A slow query whose bind values are personal data. */
  String contact(int sleepMillis) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement contact =
            connection.prepareStatement("SELECT " + sleep + ", CAST(? AS VARCHAR), CAST(? AS VARCHAR)")) {
      contact.setInt(1, sleepMillis);
      contact.setString(2, PHONE);
      contact.setString(3, EMAIL);
      try (ResultSet rows = contact.executeQuery()) {
        rows.next();
        return "contact found";
      }
    }
  }

  /** Inserts an id that exists: the database refuses it. */
  void registerDuplicate() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setString(2, NAME_WITH_CARD);
      insert.executeUpdate();
    }
  }

  String fastLookup() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE name LIKE ?")) {
      count.setString(1, "Farmer%");
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return "farmers " + rows.getInt(1);
      }
    }
  }

  private void createTable(boolean h2) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      if (h2) {
        statement.execute("CREATE ALIAS SLEEP_MS FOR '" + SlowCallsApp.class.getName() + ".sleepMs'");
      }
      statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(80))");
      for (int id = 1; id <= 30; id++) {
        statement.execute("INSERT INTO " + table + " VALUES (" + id + ", 'Farmer " + id + "')");
      }
    }
  }

  private void dropTable() {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE " + table);
    } catch (SQLException e) {
      System.err.println("could not drop " + table + ": " + e);
    }
  }

  /** {@code /report?sleep=MS} and {@code /contact?sleep=MS}: a page whose query sleeps that long. */
  static final class Sleeping extends HttpServlet {
    private final transient Page page;

    Sleeping(Page page) {
      this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        response.getWriter().write(page.render(Integer.parseInt(request.getParameter("sleep"))));
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }

    interface Page {
      String render(int sleepMillis) throws SQLException;
    }
  }

  /** {@code /work/farmers?count=N}, {@code /work/fast}, {@code /work/register} (a duplicate: 409). */
  static final class Work extends HttpServlet {
    private final transient SlowCallsApp app;

    Work(SlowCallsApp app) {
      this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        String body;
        switch (request.getPathInfo()) {
          case "/farmers" -> {
            try (Connection connection = app.pool.getConnection()) {
              body = app.farmerNames(connection, Integer.parseInt(request.getParameter("count")));
            }
          }
          case "/fast" -> body = app.fastLookup();
          case "/register" -> {
            try {
              app.registerDuplicate();
              body = "registered";
            } catch (SQLException e) {
              response.sendError(409);
              return;
            }
          }
          default -> {
            response.sendError(404);
            return;
          }
        }
        response.getWriter().write(body);
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }
}
