package io.malar.agent.features.percentiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One scraper's connection, never blocking: its request head read as it arrives, then its answer
 * written as the scraper takes it, each step before a deadline.
 */
final class ScrapeConnection {
  /** Longer than any scraper's request head; a longer one is answered 400. */
  static final int MAX_REQUEST_BYTES = 8192;

  private final SocketChannel channel;
  private final long acceptedAt;
  private final ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST_BYTES);
  private ByteBuffer answer;
  private long deadline;

  ScrapeConnection(SocketChannel channel, long acceptedAt, long deadline) {
    this.channel = channel;
    this.acceptedAt = acceptedAt;
    this.deadline = deadline;
  }

  long acceptedAt() {
    return acceptedAt;
  }

  /**
   * Reads what has arrived and returns the request line once the head is complete (or too long to
   * be a scrape: then an empty line); null while more is to come.
   *
   * @throws IOException also when the scraper closed before its head was complete
   */
  String readRequestLine() throws IOException {
    if (channel.read(request) < 0) {
      throw new IOException("the scraper closed before its request was complete");
    }
    String head = new String(request.array(), 0, request.position(), StandardCharsets.ISO_8859_1);
    if (head.contains("\r\n\r\n") || head.contains("\n\n")) {
      int lineEnd = head.indexOf('\n');
      return head.substring(0, lineEnd).trim();
    }
    return request.hasRemaining() ? null : "";
  }

  void answer(byte[] bytes, long answerDeadline) {
    answer = ByteBuffer.wrap(bytes);
    deadline = answerDeadline;
  }

  boolean answering() {
    return answer != null;
  }

  /** Writes as much of the answer as the scraper takes; true once all of it is written. */
  boolean writeAnswer() throws IOException {
    channel.write(answer);
    return !answer.hasRemaining();
  }

  boolean expired(long now) {
    return now - deadline > 0;
  }

}
