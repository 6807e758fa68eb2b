package io.malar.agent.tests.apps;

import io.sentry.Sentry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;

/**
 * Failing requests on embedded Jetty 12 with H2, one behind HTTP Basic, for the Sentry error
 * capture. With an argument, the application initialises its own Sentry SDK with that DSN, as an
 * application may.
 */
public final class SentryApp {
  static final String DATABASE = "jdbc:h2:mem:sentry;DB_CLOSE_DELAY=-1";
  /** A literal of the failing statement: it must never reach Sentry. */
  public static final String SQL_LITERAL = "Selvi-Secret-4711";
  /** The farmer Jetty authenticates with HTTP Basic on {@code /farmers/me/*}. */
  public static final String FARMER = "farmer-anbu";
  public static final String FARMER_PASSWORD = "anbu-pass-2718";
  private static final String FARMER_ROLE = "farmer";

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      Sentry.init(options -> options.setDsn(args[0]));
    }
    try (Connection connection = DriverManager.getConnection(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE farmers (id INT PRIMARY KEY, name VARCHAR(100))");
      statement.execute("INSERT INTO farmers VALUES (7, 'Selvi')");
    }
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new Boom()), "/ledger/*");
    context.addServlet(new ServletHolder(new Storm()), "/storm");
    context.addServlet(new ServletHolder(new BadQuery()), "/farmers/lookup");
    context.addServlet(new ServletHolder(new Unavailable()), "/unavailable");
    context.addServlet(new ServletHolder(new OwnSentry()), "/own-sentry");
    context.addServlet(new ServletHolder(new FarmerSettlement()), "/farmers/me/*");
    context.setSecurityHandler(farmersOnly("/farmers/me/*"));
    ServletHolder async = new ServletHolder(new AsyncFailure());
    async.setAsyncSupported(true);
    context.addServlet(async, "/settlements/async");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  /** The farmer's HTTP Basic credentials, as they follow {@code Basic } in the Authorization header. */
  public static String farmerCredentials() {
    return Base64.getEncoder().encodeToString((FARMER + ":" + FARMER_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** The container's own HTTP Basic authentication, so the request's remote user is the container's. */
  private static ConstraintSecurityHandler farmersOnly(String pathSpec) {
    UserStore users = new UserStore();
    users.addUser(FARMER, Credential.getCredential(FARMER_PASSWORD), new String[] {FARMER_ROLE});
    HashLoginService login = new HashLoginService("malar-market");
    login.setUserStore(users);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setPathSpec(pathSpec);
    mapping.setConstraint(Constraint.from(FARMER_ROLE));
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setLoginService(login);
    security.setAuthenticator(new BasicAuthenticator());
    security.addConstraintMapping(mapping);
    return security;
  }

  static final class Boom extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("ledger total does not balance");
    }
  }

  static final class Storm extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalArgumentException("the same error, again");
    }
  }

  /** A good query, then a bad one whose driver message echoes its literal. */
  static final class BadQuery extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try (Connection connection = DriverManager.getConnection(DATABASE);
          Statement statement = connection.createStatement()) {
        try (ResultSet found = statement.executeQuery("SELECT name FROM farmers WHERE id = 7")) {
          found.next();
        }
        statement.executeQuery("SELECT * FROM farmers WHERE nmae = '" + SQL_LITERAL + "'");
      } catch (SQLException e) {
        throw new IllegalStateException("farmer lookup failed: " + e.getMessage(), e);
      }
    }
  }

  static final class Unavailable extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(503);
    }
  }

  /**
   * The settlement runs on a worker thread; its failure is rethrown when the request is dispatched
   * back to the container, on yet another thread.
   */
  static final class AsyncFailure extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        throw (IllegalStateException) request.getAttribute("settlement.failure");
      }
      AsyncContext async = request.startAsync();
      new Thread(
              () -> {
                request.setAttribute(
                    "settlement.failure", new IllegalStateException("settlement failed on " + Thread.currentThread().getName()));
                async.dispatch();
              },
              "settlement-worker")
          .start();
    }
  }

  /** Fails for the signed-in farmer. */
  static final class FarmerSettlement extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("settlement for the signed-in farmer does not balance");
    }
  }

  /** The application reports one error through its own Sentry, then one escapes to the container. */
  static final class OwnSentry extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      Sentry.captureException(new IllegalArgumentException("reported by the ledger's own Sentry"));
      throw new IllegalStateException("escaped the ledger");
    }
  }
}
