package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.HeapCensus;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.LedgerProcess;
import io.malar.otlp.receiver.OtlpReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger under its load generator for about two minutes with OTLP export, the CI version of
 * benchmarks/soak.sh: after a warm-up load and after a second, longer load, each time once the
 * load's exports are out, the agent's live objects after a full GC differ by less than 5 %, and
 * its percentile keys, per-request entries and weak-map entries stay bounded.
 */
class SoakTest {
  private static final Duration EXPORT_INTERVAL = Duration.ofSeconds(10);
  private static final Duration WARM_UP = Duration.ofSeconds(30);
  private static final Duration BETWEEN = Duration.ofSeconds(70);
  /**
   * Between a load and its census, longer than the batch span processor's 5 s delay: what is
   * measured is what the agent keeps, not the spans of the last seconds on their way out.
   */
  private static final Duration QUIET = Duration.ofSeconds(7);
  private static final Pattern QUEUE_DEPTH = Pattern.compile("\"queue_depth\":(\\d+)");
  private static final int LOAD_THREADS = 4;
  private static final String LATENCY_KEY = "io.malar.agent.features.percentiles.LatencyKey";
  private static final String WEAK_KEY = "io.malar.agent.core.util.WeakIdentityMap$WeakKey";
  private static final String REQUEST_STATS = "io.malar.agent.features.slowcalls.RequestStats";

  @Test
  void theAgentsMemoryStaysFlatUnderLoad(@TempDir Path dataDir) throws Exception {
    ScheduledExecutorService forgetting = Executors.newSingleThreadScheduledExecutor();
    try (OtlpReceiver receiver = OtlpReceiver.start(0);
        LedgerProcess ledger = LedgerProcess.start(dataDir, "-Xmx512m", "-Dotel.service.name=malar-ledger",
            "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
            // the warm-up spans several export intervals: the percentiles' interval state exists from the first
            "-Dotel.metric.export.interval=" + EXPORT_INTERVAL.toMillis())) {
      // the test keeps no spans: two minutes of them would fill its own heap
      forgetting.scheduleAtFixedRate(receiver::clear, 2, 2, TimeUnit.SECONDS);
      runLoad(ledger.port(), WARM_UP, 7);
      HeapCensus first = censusOnceQuiet(ledger);
      runLoad(ledger.port(), BETWEEN, 42);
      HeapCensus second = censusOnceQuiet(ledger);
      System.out.printf("soak: agent objects %,d then %,d bytes; all live objects %,d then %,d bytes; latency keys %d then %d;"
              + " weak-map entries %d then %d; open requests %d then %d%n",
          first.agentBytes(), second.agentBytes(), first.totalBytes(), second.totalBytes(),
          first.instances(LATENCY_KEY), second.instances(LATENCY_KEY), first.instances(WEAK_KEY), second.instances(WEAK_KEY),
          first.instances(REQUEST_STATS), second.instances(REQUEST_STATS));

      assertThat(second.agentBytes()).as("the agent's live objects after the second load; grown most:" + second.grownMost(first))
          .isBetween(first.agentBytes() * 95 / 100, first.agentBytes() * 105 / 100);
      // the ledger's routes, statements and commands: a few dozen keys, none added after warm-up
      assertThat(second.instances(LATENCY_KEY)).isBetween(10L, first.instances(LATENCY_KEY) + 5);
      // statements and connections still open (the pool's), not one per call made: the second
      // load made tens of thousands of statements
      assertThat(second.instances(WEAK_KEY)).as("weak-map entries; grown most:" + second.grownMost(first)).isLessThanOrEqualTo(first.instances(WEAK_KEY) + 50);
      // open requests only: the load's threads and the ledger's own workers
      assertThat(second.instances(REQUEST_STATS)).isLessThanOrEqualTo(2L * LOAD_THREADS + 8);
      receiver.clear();
      receiver.awaitSpans(span -> true, 1, Duration.ofSeconds(30));
    } finally {
      forgetting.shutdownNow();
    }
  }

  /**
   * The census once the ledger is quiet: the load is over, the notification worker has drained the
   * queue the load filled (until then it makes statements, whose entries the census would count
   * while they are being collected), and the last spans are exported.
   */
  private static HeapCensus censusOnceQuiet(LedgerProcess ledger) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (notificationsQueued(ledger) > 0) {
      assertThat(System.nanoTime()).as("the notification queue drains").isLessThan(deadline);
      Thread.sleep(500);
    }
    Thread.sleep(QUIET.toMillis());
    return HeapCensus.of(ledger.pid());
  }

  private static long notificationsQueued(LedgerProcess ledger) throws Exception {
    Matcher depth = QUEUE_DEPTH.matcher(Http.get(ledger.port(), "/health/detailed").body());
    assertThat(depth.find()).as("the ledger's health reports its queue depth").isTrue();
    return Long.parseLong(depth.group(1));
  }

  private static void runLoad(int port, Duration duration, int seed) throws Exception {
    Process load = new ProcessBuilder(AgentApp.javaExecutable().toString(), "-cp", LedgerProcess.ledgerJar().toString(),
        "io.malar.ledger.load.LoadGenerator", "--url", "http://127.0.0.1:" + port, "--seed", String.valueOf(seed),
        "--seconds", String.valueOf(duration.toSeconds()), "--threads", String.valueOf(LOAD_THREADS))
        .redirectErrorStream(true)
        .start();
    String output = new String(load.getInputStream().readAllBytes());
    assertThat(load.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("the load ran").contains("THROUGHPUT");
  }
}
