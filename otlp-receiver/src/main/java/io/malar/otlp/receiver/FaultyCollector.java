package io.malar.otlp.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector that fails on request, for measuring what an exporter does under each fault: a TCP
 * front on a fixed port, in front of an {@link OtlpReceiver}, that counts the connections it
 * accepts (a retry storm shows there) and is healthy, absent (connection refused), blackholed
 * (accepts, reads, never answers), answering 503, 429 with {@code Retry-After}, or answering after
 * 10 s. Every change of fault drops the open connections, as a collector that restarts would.
 */
public final class FaultyCollector implements AutoCloseable {

  /** What the collector does with the next connections and export requests. */
  public enum Fault {
    HEALTHY, ABSENT, BLACKHOLE, UNAVAILABLE_503, THROTTLING_429, SLOW_10S
  }

  private static final Duration SLOW_ANSWER = Duration.ofSeconds(10);
  private static final String RETRY_AFTER_SECONDS = "5";

  private final OtlpReceiver receiver;
  private final int port;
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Fault fault = Fault.HEALTHY;
  private volatile ServerSocket listener;

  private FaultyCollector(OtlpReceiver receiver, int port) {
    this.receiver = receiver;
    this.port = port;
  }

  /** Listens on 127.0.0.1:{@code port} (0: a free port, kept across faults), healthy. */
  public static FaultyCollector start(int port) {
    OtlpReceiver receiver = OtlpReceiver.start(0);
    ServerSocket first = bind(port);
    FaultyCollector collector = new FaultyCollector(receiver, first.getLocalPort());
    collector.listen(first);
    return collector;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public OtlpReceiver receiver() {
    return receiver;
  }

  /** Connections accepted since start, in every fault. */
  public int connections() {
    return connections.get();
  }

  public Fault fault() {
    return fault;
  }

  public synchronized void set(Fault next) {
    dropConnections();
    receiver.respondNormally();
    switch (next) {
      case ABSENT:
        closeListener();
        break;
      case UNAVAILABLE_503:
        receiver.respondWith(503);
        break;
      case THROTTLING_429:
        receiver.respondWith(429, Map.of("Retry-After", RETRY_AFTER_SECONDS));
        break;
      case SLOW_10S:
        receiver.delayAnswers(SLOW_ANSWER);
        break;
      default:
        break;
    }
    if (next != Fault.ABSENT && listener == null) {
      listen(bind(port));
    }
    fault = next;
  }

  @Override
  public synchronized void close() {
    closeListener();
    dropConnections();
    receiver.close();
  }

  private void listen(ServerSocket socket) {
    listener = socket;
    daemon("faulty-collector-accept", () -> accept(socket)).start();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        open.add(client);
        if (fault == Fault.BLACKHOLE) {
          daemon("faulty-collector-blackhole", () -> discard(client)).start();
        } else {
          forward(client);
        }
      } catch (IOException e) {
        return; // closed: the collector is absent or stopped
      }
    }
  }

  private void forward(Socket client) throws IOException {
    Socket backend = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
    open.add(backend);
    daemon("faulty-collector-up", () -> pipe(client, backend)).start();
    daemon("faulty-collector-down", () -> pipe(backend, client)).start();
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void discard(Socket client) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = client.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // read, never answered
      }
    } catch (IOException e) {
      // dropped
    } finally {
      closeQuietly(client);
    }
  }

  private void dropConnections() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void closeListener() {
    if (listener != null) {
      try {
        listener.close();
      } catch (IOException e) {
        // closing anyway
      }
      listener = null;
    }
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
