package io.malar.agent.tests.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import redis.clients.jedis.Jedis;

/**
 * An application under a cardinality attack: every request {@code GET /item/N} has its own path,
 * runs one SQL text of its own (literals inline: IN lists of every length, multi-row VALUES, a
 * table name made from N) on H2 and reads its own Redis key, on the Redis at the port given as
 * the first argument.
 */
public final class CardinalityApp {
  public static void main(String[] args) throws Exception {
    Connection database = DriverManager.getConnection("jdbc:h2:mem:attack;DB_CLOSE_DELAY=-1");
    try (Statement statement = database.createStatement()) {
      statement.execute("CREATE TABLE item (id INT, label VARCHAR(40))");
      statement.execute("CREATE INDEX item_id ON item (id)");
    }
    int redisPort = Integer.parseInt(args[0]);
    ThreadLocal<Jedis> redis = ThreadLocal.withInitial(() -> new Jedis("127.0.0.1", redisPort));
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new Attacked(redis)), "/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static final class Attacked extends HttpServlet {
    private final ThreadLocal<Jedis> redis; // one connection per server thread: Jedis is not thread-safe

    Attacked(ThreadLocal<Jedis> redis) {
      this.redis = redis;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String path = request.getPathInfo() == null ? "" : request.getPathInfo();
      int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      try (Connection database = DriverManager.getConnection("jdbc:h2:mem:attack");
          Statement statement = database.createStatement()) {
        statement.execute(statementFor(n));
      } catch (SQLException e) {
        // the tables named after N do not exist: the statement fails, its span is still made
      }
      redis.get().get("attack:item:" + n);
      response.setContentType("text/plain");
      response.getWriter().write("item " + n);
    }

    private static String statementFor(int n) {
      switch (n % 3) {
        case 0:
          StringBuilder in = new StringBuilder("SELECT label FROM item WHERE id IN (");
          for (int i = 0; i <= n % 300; i++) {
            in.append(i == 0 ? "" : ", ").append(n + i);
          }
          return in.append(')').toString();
        case 1:
          StringBuilder values = new StringBuilder("INSERT INTO item (id, label) VALUES ");
          for (int i = 0; i <= n % 50; i++) {
            values.append(i == 0 ? "" : ", ").append('(').append(n + i).append(", 'label ").append(n).append("')");
          }
          return values.toString();
        default:
          return "SELECT label FROM item_" + n + " WHERE id = " + n;
      }
    }
  }
}
