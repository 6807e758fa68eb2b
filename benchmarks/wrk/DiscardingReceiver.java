import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The collector of benchmarks/wrk-overhead.sh: answers OTLP/HTTP exports ({@code /v1/traces},
 * {@code /v1/metrics}, {@code /v1/logs}) and Sentry envelopes ({@code /api/1/envelope/}) on
 * 127.0.0.1 with an empty success, reading and discarding what it is sent, so that its own cost
 * stays small and the same whatever the agent sends. Prints {@code LISTENING <port>}.
 */
public final class DiscardingReceiver {
  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
      boolean sentry = exchange.getRequestURI().getPath().endsWith("/envelope/");
      byte[] answer = sentry ? "{}".getBytes() : new byte[0];
      // an empty ExportTraceServiceResponse (and metrics, logs) is zero bytes of protobuf
      exchange.getResponseHeaders().set("Content-Type", sentry ? "application/json" : "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("LISTENING " + server.getAddress().getPort());
  }
}
