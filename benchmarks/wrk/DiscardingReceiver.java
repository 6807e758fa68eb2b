import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The collector of benchmarks/wrk-overhead.sh: answers OTLP/HTTP exports ({@code /v1/traces},
 * {@code /v1/metrics}, {@code /v1/logs}) and Sentry envelopes ({@code /api/1/envelope/}) on
 * 127.0.0.1 with an empty success, reading and discarding what it is sent, so that its own cost
 * stays small and the same whatever the agent sends. Prints {@code LISTENING <port>}; {@code GET
 * /counts} answers how many span exports (and gzipped ones) and bytes of spans it received so far.
 */
public final class DiscardingReceiver {
  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    LongAdder spanExports = new LongAdder();
    LongAdder spanBytes = new LongAdder();
    LongAdder gzipExports = new LongAdder();
    server.createContext("/counts", exchange -> {
      byte[] answer = ("span_exports=" + spanExports.sum() + " span_bytes=" + spanBytes.sum() + " gzip_exports=" + gzipExports.sum() + "\n").getBytes();
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.createContext("/", exchange -> {
      long bytes;
      try (InputStream body = exchange.getRequestBody()) {
        bytes = body.transferTo(OutputStream.nullOutputStream());
      }
      if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
        spanExports.increment();
        spanBytes.add(bytes);
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
          gzipExports.increment();
        }
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
