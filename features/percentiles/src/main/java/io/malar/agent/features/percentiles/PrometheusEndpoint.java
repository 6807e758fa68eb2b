package io.malar.agent.features.percentiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.malar.agent.core.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** An opt-in scrape endpoint at {@code /metrics}, served by the JDK's HTTP server on one daemon thread. */
final class PrometheusEndpoint {
  private final HttpServer server;

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  static PrometheusEndpoint start(String host, int port, PrometheusExposition exposition) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/metrics", exchange -> serve(exchange, exposition));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "malar-agent-prometheus");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return new PrometheusEndpoint(server);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  private static void serve(HttpExchange exchange, PrometheusExposition exposition) throws IOException {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
      exposition.write(body);
      exchange.getResponseHeaders().set("Content-Type", PrometheusExposition.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("the Prometheus endpoint could not answer a scrape", "error", String.valueOf(e));
      exchange.sendResponseHeaders(500, -1);
    } finally {
      exchange.close();
    }
  }
}
