package io.malar.otlp.receiver;

import io.malar.otlp.receiver.FaultyCollector.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link FaultyCollector} driven by lines on stdin, for benchmarks/faults.sh:
 * {@code FaultyCollectorMain [port]}, then one command a line: a fault ({@code healthy},
 * {@code absent}, {@code blackhole}, {@code 503}, {@code 429}, {@code slow}), {@code restart}
 * (absent for 5 s, then healthy), or {@code stats}, which prints one {@code STATS} line and forgets
 * what was received (so a long run holds no spans).
 */
public final class FaultyCollectorMain {
  private static final long RESTART_DOWN_MILLIS = 5_000;

  private final FaultyCollector collector;
  private final AtomicLong traceExports = new AtomicLong();
  private final AtomicLong spans = new AtomicLong();
  /** When the collector was last made healthy after a fault (nanoTime), 0 once traces arrived again. */
  private final AtomicLong healedNanos = new AtomicLong();
  private volatile long recoveredMillis = -1;
  private String agentMetrics = "";

  private FaultyCollectorMain(FaultyCollector collector) {
    this.collector = collector;
    collector.receiver().onExport(this::exported);
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    FaultyCollector collector = FaultyCollector.start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    FaultyCollectorMain main = new FaultyCollectorMain(collector);
    System.out.println("FAULTY COLLECTOR " + collector.endpoint());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command; (command = commands.readLine()) != null; ) {
      main.run(command.trim().toLowerCase(Locale.ROOT));
    }
    collector.close();
  }

  private void run(String command) throws InterruptedException {
    switch (command) {
      case "stats":
        System.out.println(stats());
        return;
      case "restart":
        collector.set(Fault.ABSENT);
        Thread.sleep(RESTART_DOWN_MILLIS);
        heal();
        break;
      case "healthy":
        heal();
        break;
      case "absent":
        collector.set(Fault.ABSENT);
        break;
      case "blackhole":
        collector.set(Fault.BLACKHOLE);
        break;
      case "503":
        collector.set(Fault.UNAVAILABLE_503);
        break;
      case "429":
        collector.set(Fault.THROTTLING_429);
        break;
      case "slow":
        collector.set(Fault.SLOW_10S);
        break;
      default:
        System.out.println("unknown command: " + command);
        return;
    }
    System.out.println("FAULT " + collector.fault());
  }

  private void heal() {
    if (collector.fault() != Fault.HEALTHY) {
      healedNanos.set(System.nanoTime());
      recoveredMillis = -1;
    }
    collector.set(Fault.HEALTHY);
  }

  private void exported(String summary) {
    if (!summary.startsWith("traces: spans=")) {
      return;
    }
    traceExports.incrementAndGet();
    spans.addAndGet(Long.parseLong(summary.substring("traces: spans=".length())));
    long healed = healedNanos.getAndSet(0);
    if (healed != 0) {
      recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healed);
    }
  }

  /** Cumulative counts since start; the agent's own metrics as last received. */
  private synchronized String stats() {
    OtlpReceiver receiver = collector.receiver();
    if (!receiver.metricRequests().isEmpty()) {
      agentMetrics = String.format(Locale.ROOT,
          "spans_exported=%d spans_export_failed=%d spans_queue_full=%d points_exported=%d points_export_failed=%d",
          ReceivedMetrics.latest(receiver, "malar.agent.spans.exported", "error.type", null),
          ReceivedMetrics.latestWhere(receiver, "malar.agent.spans.exported", "error.type", type -> type != null),
          ReceivedMetrics.latest(receiver, "malar.agent.spans.processed", "error.type", "queue_full"),
          ReceivedMetrics.latest(receiver, "malar.agent.metric_points.exported", "error.type", null),
          ReceivedMetrics.latestWhere(receiver, "malar.agent.metric_points.exported", "error.type", type -> type != null));
    }
    receiver.clear();
    return String.format(Locale.ROOT, "STATS fault=%s connections=%d trace_exports=%d spans=%d recovered_ms=%d %s",
        collector.fault(), collector.connections(), traceExports.get(), spans.get(), recoveredMillis, agentMetrics);
  }
}
