package io.malar.agent.tests.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 with three servlets of known latency: /fast 10 ms, /medium 50 ms, /slow 200 ms;
 * /exit ends the JVM normally, so its shutdown hooks run while its output is still read.
 */
public final class LatencyApp {
  public static void main(String[] args) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new Sleeping(10)), "/fast");
    context.addServlet(new ServletHolder(new Sleeping(50)), "/medium");
    context.addServlet(new ServletHolder(new Sleeping(200)), "/slow");
    context.addServlet(new ServletHolder(new Exit()), "/exit");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  static final class Sleeping extends HttpServlet {
    private final long millis;

    Sleeping(long millis) {
      this.millis = millis;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.setContentType("text/plain");
      response.getWriter().write("slept " + millis + " ms");
    }
  }

  static final class Exit extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      Thread exit =
          new Thread(
              () -> {
                try {
                  Thread.sleep(200); // lets the response go out first
                } catch (InterruptedException ignored) {
                  // exits all the same
                }
                System.exit(0);
              });
      exit.start();
    }
  }
}
