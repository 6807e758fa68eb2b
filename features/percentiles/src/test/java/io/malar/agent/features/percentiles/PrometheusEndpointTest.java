package io.malar.agent.features.percentiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scrapers that connect and stall, against the endpoint on a loopback port: one that never sends,
 * one that never reads an answer far larger than the sockets' buffers, and many of both.
 */
class PrometheusEndpointTest {
  private static final byte[] BODY = new byte[8 * 1024 * 1024];
  private static final String REQUEST = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  static {
    Arrays.fill(BODY, (byte) 'm');
  }

  private final AtomicInteger answers = new AtomicInteger();

  private PrometheusEndpoint start(long timeoutMillis) throws IOException {
    return PrometheusEndpoint.start(
        "127.0.0.1",
        0,
        out -> {
          answers.incrementAndGet();
          out.write(BODY);
        },
        timeoutMillis);
  }

  @Test
  void aScrapeIsAnsweredWhileOneScraperNeverSendsAndAnotherNeverReads() throws Exception {
    try (PrometheusEndpoint endpoint = start(60_000)) {
      int port = endpoint.address().getPort();
      try (Socket silent = connect(port);
          Socket deaf = connect(port)) {
        send(deaf, REQUEST);
        awaitAnswers(1); // the deaf scraper's answer is built and waits for it to read

        assertWholeAnswer(scrape(port, REQUEST));
      }
    }
  }

  @Test
  void scrapersPastTheirTimeoutAreClosed() throws Exception {
    try (PrometheusEndpoint endpoint = start(300)) {
      int port = endpoint.address().getPort();
      try (Socket silent = connect(port);
          Socket deaf = connect(port)) {
        send(deaf, REQUEST);
        awaitAnswers(1);

        // read blocks until the endpoint closes the silent connection: end of stream
        assertThat(silent.getInputStream().read()).isEqualTo(-1);
        Thread.sleep(1000);
        // what the deaf scraper can still read ends before the answer does: the rest was dropped
        assertThat(readAll(deaf.getInputStream())).isLessThan(BODY.length);
      }
    }
  }

  @Test
  void manyStalledScrapersAddNoThreadAndMakeRoomForAScrape() throws Exception {
    try (PrometheusEndpoint endpoint = start(60_000)) {
      int port = endpoint.address().getPort();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 200; i++) {
          Socket socket = connect(port);
          stalled.add(socket);
          if (i % 2 == 0) {
            sendIfAccepted(socket);
          }
        }
        Thread.sleep(500);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(threadsBefore + 5);
        assertThat(endpointThreads()).isEqualTo(1);

        assertWholeAnswer(scrape(port, REQUEST));
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    try (PrometheusEndpoint endpoint = start(60_000)) {
      int port = endpoint.address().getPort();
      assertThat(scrape(port, "GET /other HTTP/1.1\r\n\r\n").statusLine).isEqualTo("HTTP/1.1 404 Not Found");
      assertThat(scrape(port, "POST /metrics HTTP/1.1\r\n\r\n").statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(scrape(port, "GET /metrics?x=1 HTTP/1.0\n\n").statusLine).isEqualTo("HTTP/1.1 200 OK");
      // exactly as long as the endpoint reads, so it reads all before it answers and closes
      String longHead = "GET /metrics HTTP/1.1\r\nX: ";
      longHead += "x".repeat(ScrapeConnection.MAX_REQUEST_BYTES - longHead.length());
      assertThat(scrape(port, longHead).statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
    }
  }

  private static void assertWholeAnswer(Response scrape) {
    assertThat(scrape.statusLine).isEqualTo("HTTP/1.1 200 OK");
    assertThat(scrape.bodyLength).isEqualTo(BODY.length);
  }

  private static long endpointThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("malar-agent-prometheus")).count();
  }

  private void awaitAnswers(int count) throws InterruptedException {
    for (int i = 0; i < 300 && answers.get() < count; i++) {
      Thread.sleep(100);
    }
    assertThat(answers.get()).isGreaterThanOrEqualTo(count);
  }

  /** Beyond the bound the endpoint closes the oldest connection, and sending to it may fail. */
  private static void sendIfAccepted(Socket socket) {
    try {
      send(socket, REQUEST);
    } catch (IOException refused) {
      // closed to make room for a newer one
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    // a small window, so the deaf scraper's answer cannot sit whole in its buffers
    socket.setReceiveBufferSize(4096);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private static Response scrape(int port, String request) throws IOException {
    try (Socket socket = connect(port)) {
      send(socket, request);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        head.write(c);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n\r\n")) {
          break;
        }
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      String statusLine = text.isEmpty() ? null : text.substring(0, text.indexOf("\r\n"));
      return new Response(statusLine, readAll(in));
    }
  }

  private static long readAll(InputStream in) throws IOException {
    long total = 0;
    byte[] buffer = new byte[65536];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    } catch (IOException reset) {
      // a connection the endpoint dropped may end in a reset rather than an end of stream
    }
    return total;
  }

  private static final class Response {
    final String statusLine;
    final long bodyLength;

    Response(String statusLine, long bodyLength) {
      this.statusLine = statusLine;
      this.bodyLength = bodyLength;
    }
  }
}
