package io.malar.agent.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as given, bytes a client library would refuse to send included, and
 * reads the whole answer: HTTP/1.0 with {@code Connection: close}, so the body ends with the
 * connection.
 */
public final class RawHttp {
  private RawHttp() {}

  /** The status (-1 when the server closed without answering) and body of one exchange. */
  public record Response(int status, String body) {}

  /** {@code head} is the request line and header lines, without the blank line that ends them. */
  public static Response exchange(int port, byte[] head) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head);
      socket.getOutputStream().write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      int headEnd = answer.indexOf("\r\n\r\n");
      if (!answer.startsWith("HTTP/") || headEnd < 0) {
        return new Response(-1, answer);
      }
      return new Response(Integer.parseInt(answer.split(" ", 3)[1]), answer.substring(headEnd + 4));
    }
  }

  /** Reads to the end; a reset after part of the answer keeps that part. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        all.write(buffer, 0, read);
      }
    } catch (java.net.SocketException reset) {
      // what arrived before the reset is the answer
    }
    return all.toByteArray();
  }
}
