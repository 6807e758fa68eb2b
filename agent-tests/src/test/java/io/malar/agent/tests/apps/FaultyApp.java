package io.malar.agent.tests.apps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import redis.clients.jedis.Jedis;

/**
 * An application that fails in its own ways, on embedded Jetty 12: a servlet that throws, one that
 * commits its answer and then throws, an async request the container times out, a JDBC driver whose
 * connections throw from {@code getMetaData()}, a Redis server that resets the connection
 * mid-command; and {@code /echo/*}, which answers with what it was sent. Every answer says what the
 * application saw, exceptions included, so runs with and without an agent can be compared.
 */
public final class FaultyApp {
  public static void main(String[] args) throws Exception {
    DriverManager.registerDriver(new FailingMetaDataDriver());
    ResettingRedisServer redis = new ResettingRedisServer();
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.setShowStacks(false);
    context.setErrorHandler(errors);
    FilterHolder exceptionLog = new FilterHolder(new ExceptionLog());
    exceptionLog.setAsyncSupported(true);
    context.addFilter(exceptionLog, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder("echo", new Echo()), "/echo/*");
    context.addServlet(new ServletHolder("throwing", new Throwing()), "/fail/throw");
    context.addServlet(new ServletHolder("commit-then-throw", new CommitThenThrow()), "/fail/commit-then-throw");
    ServletHolder timingOut = new ServletHolder("async-timeout", new AsyncTimeout());
    timingOut.setAsyncSupported(true);
    context.addServlet(timingOut, "/fail/async-timeout");
    context.addServlet(new ServletHolder("jdbc-metadata", new JdbcMetaData()), "/fail/jdbc-metadata");
    context.addServlet(new ServletHolder("redis-reset", new RedisReset(redis.port())), "/fail/redis-reset");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  /** Prints every exception that escapes a servlet, as an application's log would, and lets it go on. */
  static final class ExceptionLog implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        System.out.println("EXCEPTION " + ((HttpServletRequest) request).getRequestURI() + " " + e);
        throw e;
      }
    }
  }

  /** The request as the application reads it. */
  static final class Echo extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Map<String, String> parameters = new TreeMap<>();
      request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.toString(values)));
      PrintWriter out = response.getWriter();
      out.println("path=" + request.getPathInfo());
      out.println("uri-length=" + request.getRequestURI().length());
      out.println("query=" + request.getQueryString());
      out.println("parameters=" + parameters);
      String traceparent = request.getHeader("traceparent");
      out.println("traceparent-length=" + (traceparent == null ? -1 : traceparent.length()));
    }
  }

  static final class Throwing extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("ledger exploded");
    }
  }

  static final class CommitThenThrow extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.getWriter().write("partial answer\n");
      response.flushBuffer();
      throw new IllegalStateException("failed after the answer was committed");
    }
  }

  /** Never completes: the container ends it after 200 ms. */
  static final class AsyncTimeout extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      async.setTimeout(200);
    }
  }

  static final class JdbcMetaData extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      PrintWriter out = response.getWriter();
      try (Connection connection = DriverManager.getConnection(FailingMetaDataDriver.PREFIX + "faulty")) {
        try {
          connection.getMetaData();
          out.println("getMetaData: answered");
        } catch (SQLException e) {
          out.println("getMetaData: " + e);
        }
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
          rows.next();
          out.println("select: " + rows.getInt(1));
        }
      } catch (SQLException e) {
        out.println("connection: " + e);
      }
    }
  }

  static final class RedisReset extends HttpServlet {
    private final int port;

    RedisReset(int port) {
      this.port = port;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      PrintWriter out = response.getWriter();
      try (Jedis jedis = new Jedis("127.0.0.1", port)) {
        out.println("get: " + jedis.get("farmer:42"));
      } catch (RuntimeException e) {
        out.println("get: " + e.getClass().getName());
      }
    }
  }
}
