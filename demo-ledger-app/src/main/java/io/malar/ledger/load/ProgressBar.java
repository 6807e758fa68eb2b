package io.malar.ledger.load;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal; a plain line every few seconds elsewhere. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long PLAIN_EVERY_MILLIS = 5_000;

  private final PrintStream out;
  private final boolean terminal;
  private long lastPlainMillis;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void show(long elapsedMillis, long totalMillis, long requests, long serverErrors) {
    double done = Math.min(1.0, (double) elapsedMillis / totalMillis);
    double perSecond = elapsedMillis == 0 ? 0 : requests * 1000.0 / elapsedMillis;
    String status = String.format(Locale.ROOT, "%3d/%d s  %,8d requests  %7.1f req/s  %,d server errors",
        elapsedMillis / 1000, totalMillis / 1000, requests, perSecond, serverErrors);
    if (terminal) {
      int filled = (int) Math.round(done * WIDTH);
      out.print("\r  [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + status);
      out.flush();
    } else if (elapsedMillis - lastPlainMillis >= PLAIN_EVERY_MILLIS) {
      lastPlainMillis = elapsedMillis;
      out.println("  " + status);
    }
  }

  void finish() {
    if (terminal) {
      out.println();
    }
  }
}
