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
import java.net.InetSocketAddress;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** jakarta.servlet on embedded Jetty 12: two filters in front of the servlets. */
public final class JettyApp {
  public static void main(String[] args) throws Exception {
    LedgerWork work = new LedgerWork();
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(new FilterHolder(new PassThrough()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(new PassThrough()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Farmers(work)), "/api/v1/farmers/*");
    context.addServlet(new ServletHolder(new Slow()), "/async/*");
    context.addServlet(new ServletHolder(new Boom()), "/boom");
    context.addServlet(new ServletHolder(new Unavailable()), "/unavailable");
    for (FilterHolder filter : context.getServletHandler().getFilters()) {
      filter.setAsyncSupported(true);
    }
    for (ServletHolder servlet : context.getServletHandler().getServlets()) {
      servlet.setAsyncSupported(true);
    }
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static final class PassThrough implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }
  }

  static final class Farmers extends HttpServlet {
    private final transient LedgerWork work;

    Farmers(LedgerWork work) {
      this.work = work;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        response.setContentType("application/json");
        response.getWriter().write(work.farmer(LedgerWork.idFrom(request.getPathInfo())));
      } catch (java.sql.SQLException e) {
        throw new IOException(e);
      }
    }
  }

  /** Completes on another thread after 300 ms. */
  static final class Slow extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                  async.getResponse().getWriter().write("done late");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  async.complete();
                }
              })
          .start();
    }
  }

  static final class Boom extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("ledger exploded");
    }
  }

  static final class Unavailable extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      response.setStatus(503);
    }
  }
}
