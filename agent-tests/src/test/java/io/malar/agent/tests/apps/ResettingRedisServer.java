package io.malar.agent.tests.apps;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A Redis stand-in that reads the start of each command, then resets the connection (RST, not a
 * clean close), as a server, proxy or {@code CLIENT KILL} cutting the client off mid-command does.
 */
final class ResettingRedisServer {
  private final ServerSocket server;

  ResettingRedisServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptForever, "resetting-redis");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        InputStream in = client.getInputStream();
        in.read(new byte[8]); // the command has begun to arrive
        client.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // the next client
      }
    }
  }
}
