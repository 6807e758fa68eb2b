package io.malar.agent.features.percentiles;

import io.malar.agent.core.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * An opt-in scrape endpoint at {@code /metrics}, served by one daemon thread that never blocks on
 * a scraper: every connection is read and written without blocking, each has a timeout to send its
 * request and again to take its answer, and at most {@link #MAX_CONNECTIONS} are open at once. A
 * new connection beyond that closes the oldest: a scraper answered in a moment is never the oldest,
 * so scrapers that connect and stall, however many, cost places and never another scrape.
 */
final class PrometheusEndpoint implements Closeable {
  static final int MAX_CONNECTIONS = 16;
  static final long TIMEOUT_MILLIS = 10_000;

  /** Writes the exposition; called for each scrape on the endpoint's thread. */
  interface Exposition {
    void write(OutputStream out) throws IOException;
  }

  private final ServerSocketChannel server;
  private final Selector selector;
  private final Exposition exposition;
  private final long timeoutNanos;
  private volatile boolean open = true;

  private PrometheusEndpoint(ServerSocketChannel server, Selector selector, Exposition exposition, long timeoutMillis) {
    this.server = server;
    this.selector = selector;
    this.exposition = exposition;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  static PrometheusEndpoint start(String host, int port, Exposition exposition) throws IOException {
    return start(host, port, exposition, TIMEOUT_MILLIS);
  }

  static PrometheusEndpoint start(String host, int port, Exposition exposition, long timeoutMillis) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    Selector selector = Selector.open();
    try {
      server.bind(new InetSocketAddress(host, port));
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      server.close();
      selector.close();
      throw e;
    }
    PrometheusEndpoint endpoint = new PrometheusEndpoint(server, selector, exposition, timeoutMillis);
    Thread thread = new Thread(endpoint::serve, "malar-agent-prometheus");
    thread.setDaemon(true);
    thread.start();
    return endpoint;
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) server.getLocalAddress();
  }

  @Override
  public void close() {
    open = false;
    selector.wakeup();
  }

  private void serve() {
    try {
      while (open) {
        // wake at least every second to close connections past their timeout
        selector.select(1000);
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          if (key.isValid() && key.isAcceptable()) {
            accept();
          } else if (key.isValid()) {
            step(key, (ScrapeConnection) key.attachment());
          }
        }
        closeExpired();
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("the Prometheus endpoint stopped", "error", String.valueOf(e));
    } finally {
      closeAll();
    }
  }

  private void accept() {
    SocketChannel channel = null;
    try {
      channel = server.accept();
      if (channel == null) {
        return;
      }
      if (openConnections() >= MAX_CONNECTIONS) {
        closeOldest();
      }
      channel.configureBlocking(false);
      long now = System.nanoTime();
      channel.register(selector, SelectionKey.OP_READ, new ScrapeConnection(channel, now, now + timeoutNanos));
    } catch (IOException e) {
      // one connection failed (or file descriptors ran out for a moment): the next may succeed
      closeQuietly(channel);
    }
  }

  private int openConnections() {
    int open = 0;
    for (SelectionKey key : selector.keys()) {
      open += key.isValid() && key.attachment() != null ? 1 : 0;
    }
    return open;
  }

  private void closeOldest() {
    SelectionKey oldest = null;
    long oldestAcceptedAt = 0;
    for (SelectionKey key : selector.keys()) {
      ScrapeConnection connection = (ScrapeConnection) key.attachment();
      if (key.isValid() && connection != null && (oldest == null || connection.acceptedAt() - oldestAcceptedAt < 0)) {
        oldest = key;
        oldestAcceptedAt = connection.acceptedAt();
      }
    }
    if (oldest != null) {
      closeQuietly(oldest.channel());
    }
  }

  private static void closeQuietly(Channel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // it is being dropped anyway
    }
  }

  private void step(SelectionKey key, ScrapeConnection connection) {
    try {
      if (!connection.answering()) {
        String requestLine = connection.readRequestLine();
        if (requestLine == null) {
          return;
        }
        connection.answer(answer(requestLine), System.nanoTime() + timeoutNanos);
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (connection.writeAnswer()) {
        closeQuietly(key.channel());
      }
    } catch (IOException | RuntimeException e) {
      // the scraper went away, or its request broke something: either way only this one ends
      closeQuietly(key.channel());
    }
  }

  private byte[] answer(String requestLine) {
    if (!requestLine.startsWith("GET ")) {
      return response("400 Bad Request", "text/plain", new byte[0]);
    }
    String target = requestLine.substring(4, Math.max(4, requestLine.lastIndexOf(' ')));
    if (!target.equals("/metrics") && !target.startsWith("/metrics?")) {
      return response("404 Not Found", "text/plain", new byte[0]);
    }
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
      exposition.write(body);
      return response("200 OK", PrometheusExposition.CONTENT_TYPE, body.toByteArray());
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("the Prometheus endpoint could not answer a scrape", "error", String.valueOf(e));
      return response("500 Internal Server Error", "text/plain", new byte[0]);
    }
  }

  private static byte[] response(String status, String contentType, byte[] body) {
    String head =
        "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
    System.arraycopy(body, 0, bytes, headBytes.length, body.length);
    return bytes;
  }

  private void closeExpired() {
    long now = System.nanoTime();
    for (SelectionKey key : selector.keys()) {
      ScrapeConnection connection = (ScrapeConnection) key.attachment();
      if (connection != null && connection.expired(now)) {
        closeQuietly(key.channel());
      }
    }
  }

  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      closeQuietly(key.channel());
    }
    closeQuietly(server);
    try {
      selector.close();
    } catch (IOException ignored) {
      // stopping anyway
    }
  }
}
