package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.CardinalityApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.HeapCensus;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Distinct URL paths, SQL texts and Redis keys by the thousand, one of each per request: the
 * percentile keys stop at the cap, what went to the overflow keys is counted as refused, the
 * agent's memory stays under a bound, and spans keep flowing.
 * {@code -Dcardinality.requests=100000} runs the full size.
 */
class CardinalityAttackTest {
  private static final int REQUESTS = Integer.getInteger("cardinality.requests", 20_000);
  private static final int CLIENTS = 4;
  /** 3 families of 1,000 keys at the measured ~5 KB each, plus the SDK's own series and queue. */
  private static final long AGENT_BYTES_BOUND = 64L << 20;

  @Test
  void keysStopAtTheCapAndRefusalsAreCounted() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app = AgentApp.main(CardinalityApp.class)
            .exportingTo(receiver)
            .property("otel.metric.export.interval", "2000")
            .args(String.valueOf(redis.port()))
            .start()) {
      HttpClient client = HttpClient.newHttpClient();
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Integer>> answered = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        answered.add(clients.submit(() -> {
          int ok = 0;
          for (int n; (n = next.getAndIncrement()) < REQUESTS; ) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/item/" + n)).build();
            ok += client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? 1 : 0;
            if (ok % 1000 == 0) {
              receiver.clear(); // the test keeps no spans: thousands of them would fill its own heap
            }
          }
          return ok;
        }));
      }
      int ok = 0;
      for (Future<Integer> each : answered) {
        ok += each.get(10, TimeUnit.MINUTES);
      }
      clients.shutdown();
      assertThat(ok).isEqualTo(REQUESTS);

      HeapCensus heap = HeapCensus.of(app.pid());
      receiver.clear();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (refused(receiver, "sql") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      System.out.printf("%,d requests: agent objects %,d bytes, all live objects %,d bytes, latency keys %d;"
              + " refused: http %d, sql %d, redis %d%n", REQUESTS, heap.agentBytes(), heap.totalBytes(),
          heap.instances("io.malar.agent.features.percentiles.LatencyKey"),
          refused(receiver, "http"), refused(receiver, "sql"), refused(receiver, "redis"));

      // the dynamic table names alone are thousands of shapes: past the cap they are refused
      assertThat(refused(receiver, "sql")).isGreaterThan(REQUESTS / 3 - 1_000);
      assertThat(heap.instances("io.malar.agent.features.percentiles.LatencyKey")).isLessThanOrEqualTo(3 * 1_001);
      assertThat(heap.agentBytes()).isLessThan(AGENT_BYTES_BOUND);

      assertThat(Http.get(app.port(), "/item/" + REQUESTS).statusCode()).isEqualTo(200);
      receiver.awaitSpans(span -> span.name().startsWith("GET"), 1, Duration.ofSeconds(30));
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  private static long refused(OtlpReceiver receiver, String family) {
    return ReceivedMetrics.latest(receiver, "malar.latency.refused", "malar.family", family);
  }
}
