package io.malar.agent.tests.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One route per error category of the monitoring guide, on embedded Jetty 12 with H2 and Redis
 * (its port is the argument), each failing the way an application does: an exception that
 * escapes, or an error status it answers itself.
 */
public final class ErrorsApp {
  private static final String DATABASE = "jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1";

  public static void main(String[] args) throws Exception {
    int redisPort = Integer.parseInt(args[0]);
    try (Connection connection = DriverManager.getConnection(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE farmers (id INT PRIMARY KEY, name VARCHAR(100))");
    }
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new BadQuery()), "/farmers/lookup");
    context.addServlet(new ServletHolder(new GatewayDown()), "/whatsapp/send");
    context.addServlet(new ServletHolder(new RateFromRedis(redisPort)), "/rates/today");
    context.addServlet(new ServletHolder(new Status(400)), "/entries");
    context.addServlet(new ServletHolder(new SignedIn()), "/farmers/me");
    context.addServlet(new ServletHolder(new Status(403)), "/admin/settlements");
    context.addServlet(new ServletHolder(new Unbalanced()), "/ledger/total");
    context.addServlet(new ServletHolder(new Status(409)), "/settlements/approve");
    context.addServlet(new ServletHolder(new CollectGarbage()), "/gc");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  /** database: the driver's SQLException, wrapped by the application. */
  static final class BadQuery extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      try (Connection connection = DriverManager.getConnection(DATABASE);
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT nmae FROM farmers");
      } catch (SQLException e) {
        throw new IllegalStateException("farmer lookup failed", e);
      }
    }
  }

  /** network: the WhatsApp gateway's port refuses the connection. */
  static final class GatewayDown extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      int closedPort;
      try (ServerSocket probe = new ServerSocket(0)) {
        closedPort = probe.getLocalPort();
      }
      try (Socket gateway = new Socket("127.0.0.1", closedPort)) {
        response.getWriter().print("sent");
      }
    }
  }

  /** external_service: Redis answers an error, and the application answers 502 without an exception. */
  static final class RateFromRedis extends HttpServlet {
    private final int redisPort;

    RateFromRedis(int redisPort) {
      this.redisPort = redisPort;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
        jedis.set("rate:rose", "forty");
        response.getWriter().print(jedis.incr("rate:rose"));
      } catch (JedisDataException e) {
        response.sendError(502);
      }
    }
  }

  /** authentication: the application's own check of the Authorization header. */
  static final class SignedIn extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (request.getHeader("Authorization") == null) {
        response.sendError(401);
        return;
      }
      response.getWriter().print("farmer");
    }
  }

  /** business_logic: the application's own invariant. */
  static final class Unbalanced extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("ledger total does not balance");
    }
  }

  static final class Status extends HttpServlet {
    private final int status;

    Status(int status) {
      this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(status);
    }
  }

  /** A collection the JVM metrics see. */
  static final class CollectGarbage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      System.gc();
      response.getWriter().print("collected");
    }
  }
}
