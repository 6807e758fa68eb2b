package io.malar.agent.tests.apps;

import jakarta.servlet.DispatcherType;
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
    context.addFilter(new FilterHolder(new JakartaTestServlets.PassThrough()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(new JakartaTestServlets.PassThrough()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new JakartaTestServlets.Farmers(work)), "/api/v1/farmers/*");
    context.addServlet(new ServletHolder(new JakartaTestServlets.Slow()), "/async/*");
    context.addServlet(new ServletHolder(new JakartaTestServlets.Boom()), "/boom");
    context.addServlet(new ServletHolder(new JakartaTestServlets.Unavailable()), "/unavailable");
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
}
