package io.malar.agent.tests.apps;

import java.io.IOException;
import java.nio.file.Files;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** javax.servlet on embedded Tomcat 9: the same routes as {@link JettyApp}. */
public final class TomcatApp {
  public static void main(String[] args) throws Exception {
    LedgerWork work = new LedgerWork();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    filter(context, "first");
    filter(context, "second");
    servlet(context, "farmers", new Farmers(work), "/api/v1/farmers/*");
    servlet(context, "slow", new Slow(), "/async/*");
    servlet(context, "boom", new Boom(), "/boom");
    servlet(context, "unavailable", new Unavailable(), "/unavailable");
    tomcat.start();
    System.out.println("READY " + connector.getLocalPort());
    tomcat.getServer().await();
  }

  private static void filter(Context context, String name) {
    FilterDef definition = new FilterDef();
    definition.setFilterName(name);
    definition.setFilter(new PassThrough());
    definition.setAsyncSupported("true");
    context.addFilterDef(definition);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName(name);
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
  }

  private static void servlet(Context context, String name, HttpServlet servlet, String pattern) {
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(pattern, name);
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
