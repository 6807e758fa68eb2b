package io.malar.agent.tests.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import redis.clients.jedis.Jedis;

/**
 * An application that serves the moment it starts: embedded Jetty 12 on the port its first argument
 * names, nothing done before; its one endpoint reads Redis (host and port: the next arguments) and
 * H2, then throws.
 */
public final class FirstRequestApp {
  public static final String FAILURE = "the market is not open yet";

  public static void main(String[] args) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new Opening(args[1], Integer.parseInt(args[2]))), "/market/*");
    server.setHandler(context);
    server.start();
    server.join();
  }

  private static final class Opening extends HttpServlet {
    private final String redisHost;
    private final int redisPort;

    Opening(String redisHost, int redisPort) {
      this.redisHost = redisHost;
      this.redisPort = redisPort;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try (Jedis jedis = new Jedis(redisHost, redisPort)) {
        jedis.get("market:opening");
      }
      try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:market");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        rows.next();
      } catch (SQLException e) {
        throw new IOException(e);
      }
      throw new IllegalStateException(FAILURE);
    }
  }
}
