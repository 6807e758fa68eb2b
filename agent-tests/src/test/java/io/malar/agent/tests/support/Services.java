package io.malar.agent.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the machine provides: services (PostgreSQL, MariaDB, Redis) and programs (Prometheus, Go).
 * Absent, a test that needs one is skipped with a message, except under CI=true, where an absent
 * service or program is a failure.
 */
public final class Services {
  // Go's own install location, for shells whose PATH does not have it (build-stack.sh looks there too)
  private static final String GO_HOME_BIN = "/usr/local/go/bin";

  private Services() {}

  public static void require(String service, int port) {
    if (!listening(port)) {
      absent(service + " is not listening on 127.0.0.1:" + port);
    }
  }

  /** The program's path on the PATH; {@code why} says what needs it and where it comes from. */
  public static Path requireProgram(String program, String why) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin") + File.pathSeparator + GO_HOME_BIN;
    Path found = Stream.of(path.split(File.pathSeparator))
        .map(entry -> Path.of(entry, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
    if (found == null) {
      absent(program + " is not installed (" + why + ")");
    }
    return found;
  }

  /** A port of 127.0.0.1 that nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void absent(String message) {
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
