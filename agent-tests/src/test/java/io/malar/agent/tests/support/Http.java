package io.malar.agent.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the test applications on 127.0.0.1. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  public static HttpResponse<String> get(int port, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Connects to {@code port} again and again until it accepts, then at once sends a GET on that
   * very connection, as a load balancer's first probe would; returns the response's status.
   */
  public static int getAsSoonAsAccepting(int port, String pathAndQuery, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      } catch (IOException notYet) {
        socket.close();
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(5);
        continue;
      }
      try (socket) {
        return exchange(socket, pathAndQuery, new String[0]);
      }
    }
  }

  /**
   * A GET from another loopback address such as {@code 127.0.0.2}, so that the client's address
   * differs from the server's (which URLs and the Host header carry); returns the response's status.
   */
  public static int getFrom(String clientAddress, int port, String pathAndQuery, String... headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(clientAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return exchange(socket, pathAndQuery, headers);
    }
  }

  /** Sends one GET on a connected socket and returns the response's status. */
  private static int exchange(Socket socket, String pathAndQuery, String[] headers) throws IOException {
    socket.setSoTimeout(30_000);
    StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\nConnection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    // read to the end: closing early would cut the container's answer short
    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    return Integer.parseInt(response.split(" ", 3)[1]);
  }
}
