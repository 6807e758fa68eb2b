package io.malar.agent.tests.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs through SLF4J, over whichever framework the class path binds it to (Logback or Log4j 2),
 * outside any request, then inside one request to its own embedded Jetty 12 (sent with an {@code
 * X-Request-Id}), then outside again; inside and before, with an MDC entry of its own.
 */
public final class LogCorrelationApp extends HttpServlet {
  public static final String REQUEST_ID = "req-7f3a";
  private static final Logger LOG = LoggerFactory.getLogger("app");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    MDC.put("customer", "c-42");
    LOG.info("inside request");
    MDC.remove("customer");
    LOG.info("inside request without own MDC");
    response.getWriter().print("logged");
  }

  public static void main(String[] args) throws Exception {
    System.out.println("binding " + LoggerFactory.getILoggerFactory().getClass().getName());
    MDC.put("customer", "main");
    LOG.info("outside before");
    MDC.remove("customer");
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new LogCorrelationApp()), "/log/*");
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/log/lines").openConnection();
    connection.setRequestProperty("X-Request-Id", REQUEST_ID);
    try (InputStream body = connection.getInputStream()) {
      System.out.println("reply " + connection.getResponseCode() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
    LOG.info("outside after");
    server.stop();
    System.out.println("DONE");
  }
}
