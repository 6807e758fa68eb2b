package io.malar.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Services of the machine (PostgreSQL, Redis). Absent, a test that needs one is skipped with a
 * message, except under CI=true, where an absent service is a failure.
 */
final class Services {
  private Services() {}

  static void require(String service, int port) {
    if (listening(port)) {
      return;
    }
    String message = service + " is not listening on 127.0.0.1:" + port;
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message + " (required under CI=true)");
    }
    assumeTrue(false, message + ": skipping");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
