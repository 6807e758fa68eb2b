package io.malar.otlp.receiver;

import io.malar.otlp.receiver.FaultyCollector.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs two {@link FaultyCollector}s driven by lines on stdin, for benchmarks/faults.sh: one for
 * OTLP and one standing for Sentry (a DSN {@code http://key@host:port/1} pointed at it).
 * {@code FaultyCollectorMain [port]} prints {@code FAULTY COLLECTOR <endpoint>} and
 * {@code FAULTY SENTRY <endpoint>}, then takes one command a line: a fault of the OTLP collector
 * ({@code healthy}, {@code absent}, {@code blackhole}, {@code 503}, {@code 429}, {@code slow}),
 * {@code restart} (absent for 5 s, then healthy), the same prefixed with {@code sentry } for the
 * Sentry one, or {@code stats}, which prints one {@code STATS} line and forgets what was received
 * (so a long run holds no spans).
 */
public final class FaultyCollectorMain {
  private static final long RESTART_DOWN_MILLIS = 5_000;
  private static final String SENTRY_PREFIX = "sentry ";
  private static final Map<String, Fault> FAULTS = Map.of("absent", Fault.ABSENT, "blackhole", Fault.BLACKHOLE,
      "503", Fault.UNAVAILABLE_503, "429", Fault.THROTTLING_429, "slow", Fault.SLOW_10S);

  private final Front otlp;
  private final Front sentry;
  private final AtomicLong traceExports = new AtomicLong();
  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong sentryEnvelopes = new AtomicLong();
  private String agentMetrics = "";

  private FaultyCollectorMain(FaultyCollector otlp, FaultyCollector sentry) {
    this.otlp = new Front(otlp);
    this.sentry = new Front(sentry);
    otlp.receiver().onExport(this::exported);
    sentry.receiver().onExport(this::sentryReceived);
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    FaultyCollector otlp = FaultyCollector.start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    FaultyCollector sentry = FaultyCollector.start(0);
    FaultyCollectorMain main = new FaultyCollectorMain(otlp, sentry);
    System.out.println("FAULTY SENTRY " + sentry.endpoint());
    System.out.println("FAULTY COLLECTOR " + otlp.endpoint());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command; (command = commands.readLine()) != null; ) {
      main.run(command.trim().toLowerCase(Locale.ROOT));
    }
    otlp.close();
    sentry.close();
  }

  private void run(String command) throws InterruptedException {
    if (command.equals("stats")) {
      System.out.println(stats());
    } else if (command.startsWith(SENTRY_PREFIX)) {
      sentry.run(command.substring(SENTRY_PREFIX.length()), "SENTRY FAULT ");
    } else {
      otlp.run(command, "FAULT ");
    }
  }

  private void exported(String summary) {
    if (!summary.startsWith("traces: spans=")) {
      return;
    }
    traceExports.incrementAndGet();
    spans.addAndGet(Long.parseLong(summary.substring("traces: spans=".length())));
    otlp.arrived();
  }

  private void sentryReceived(String summary) {
    if (summary.equals(OtlpHttpHandler.SENTRY_ENVELOPE_SUMMARY)) {
      sentryEnvelopes.incrementAndGet();
      sentry.arrived();
    }
  }

  /** Cumulative counts since start; the agent's own metrics as last received. */
  private synchronized String stats() {
    OtlpReceiver receiver = otlp.collector.receiver();
    if (!receiver.metricRequests().isEmpty()) {
      agentMetrics = String.format(Locale.ROOT,
          "spans_exported=%d spans_export_failed=%d spans_queue_full=%d points_exported=%d points_export_failed=%d"
              + " sentry_events_dropped=%d",
          ReceivedMetrics.latest(receiver, "malar.agent.spans.exported", "error.type", null),
          ReceivedMetrics.latestWhere(receiver, "malar.agent.spans.exported", "error.type", type -> type != null),
          ReceivedMetrics.latest(receiver, "malar.agent.spans.processed", "error.type", "queue_full"),
          ReceivedMetrics.latest(receiver, "malar.agent.metric_points.exported", "error.type", null),
          ReceivedMetrics.latestWhere(receiver, "malar.agent.metric_points.exported", "error.type", type -> type != null),
          ReceivedMetrics.latestWhere(receiver, "malar.agent.sentry.events.dropped", "reason", reason -> true));
    }
    receiver.clear();
    return String.format(Locale.ROOT,
        "STATS fault=%s connections=%d trace_exports=%d spans=%d recovered_ms=%d sentry_fault=%s sentry_connections=%d"
            + " sentry_envelopes=%d sentry_recovered_ms=%d %s",
        otlp.collector.fault(), otlp.collector.connections(), traceExports.get(), spans.get(), otlp.recoveredMillis,
        sentry.collector.fault(), sentry.collector.connections(), sentryEnvelopes.get(), sentry.recoveredMillis,
        agentMetrics);
  }

  /** One collector, its fault, and the time from its last recovery to the first data that arrived. */
  private static final class Front {
    private final FaultyCollector collector;
    /** When the collector was last made healthy after a fault (nanoTime), 0 once data arrived again. */
    private final AtomicLong healedNanos = new AtomicLong();
    private volatile long recoveredMillis = -1;

    Front(FaultyCollector collector) {
      this.collector = collector;
    }

    void run(String command, String announcement) throws InterruptedException {
      Fault fault = FAULTS.get(command);
      if (command.equals("restart")) {
        collector.set(Fault.ABSENT);
        Thread.sleep(RESTART_DOWN_MILLIS);
        heal();
      } else if (command.equals("healthy")) {
        heal();
      } else if (fault != null) {
        collector.set(fault);
      } else {
        System.out.println("unknown command: " + command);
        return;
      }
      System.out.println(announcement + collector.fault());
    }

    private void heal() {
      if (collector.fault() != Fault.HEALTHY) {
        healedNanos.set(System.nanoTime());
        recoveredMillis = -1;
      }
      collector.set(Fault.HEALTHY);
    }

    void arrived() {
      long healed = healedNanos.getAndSet(0);
      if (healed != 0) {
        recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healed);
      }
    }
  }
}
