package io.malar.agent.tests.apps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test applications' filter and servlets. The javax.servlet copy used by
 * {@link TomcatApp} is generated from this file at build time (see the module's pom).
 */
final class JakartaTestServlets {
  private JakartaTestServlets() {}

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
