package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.CacheReadsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Redis cache hits and misses per command and key pattern, counted exactly over OTLP for a
 * scripted sequence of reads (7 hits, 3 misses over two patterns, one miss on a secret-looking
 * key), through Jedis and through Lettuce's sync, async and reactive APIs.
 */
class CacheMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Map<String, Long> HITS =
      new TreeMap<>(Map.of("GET farmer:*", 2L, "MGET farmer:*", 2L, "HGET order:*:items", 1L, "EXISTS order:*:items", 1L, "EXISTS farmer:*", 1L));
  private static final Map<String, Long> MISSES =
      new TreeMap<>(Map.of("GET farmer:*", 1L, "MGET farmer:*", 1L, "HGET order:*:items", 1L, "GET other", 1L));

  @Test
  void jedisAgainstAnEmbeddedRedis() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      countsExactly("jedis", redis.port());
    }
  }

  @Test
  void lettuceAgainstAnEmbeddedRedis() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      countsExactly("lettuce", redis.port());
    }
  }

  @Test
  void jedisAndLettuceAgainstTheLocalRedisService() throws Exception {
    Services.require("Redis", 6379);
    countsExactly("jedis", 6379);
    countsExactly("lettuce", 6379);
  }

  @Test
  void offSwitchCountsNothing() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(); OtlpReceiver receiver = OtlpReceiver.start(0)) {
      run(AgentApp.main(CacheReadsApp.class).exportingTo(receiver).property("malar.agent.cache-metrics.enabled", "false"), "jedis", redis.port());
      // the latency percentiles of the same run arrive: the metrics were exported, without cache counts
      awaitMetric(receiver, "db.client.operation.duration");
      assertThat(counts(receiver, "malar.redis.cache.hits")).isEmpty();
      assertThat(counts(receiver, "malar.redis.cache.misses")).isEmpty();
    }
  }

  private static void countsExactly(String client, int port) throws Exception {
    String withoutAgent = run(AgentApp.main(CacheReadsApp.class).withoutAgent(), client, port);
    assertThat(withoutAgent).contains("mget [value,nil,value]", "DONE");
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      assertThat(run(AgentApp.main(CacheReadsApp.class).exportingTo(receiver), client, port)).isEqualTo(withoutAgent);
      awaitMetric(receiver, "malar.redis.cache.misses");
      assertThat(counts(receiver, "malar.redis.cache.hits")).as(client).isEqualTo(HITS);
      assertThat(counts(receiver, "malar.redis.cache.misses")).as(client).isEqualTo(MISSES);
      assertThat(receiver.allReceivedText()).doesNotContain(CacheReadsApp.VALUE, "session:", "farmer:1", "farmer:2", "farmer:3");
    }
  }

  private static String run(AgentApp.Builder builder, String client, int port) throws Exception {
    try (AgentApp app =
        builder.withoutWaiting()
            .property("malar.agent.startup", "premain")
            .property("otel.metric.export.interval", "60000")
            .args(client, "127.0.0.1", Integer.toString(port))
            .start()) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isZero();
      assertThat(app.agentErrors()).isEmpty();
      return app.stdout();
    }
  }

  private static void awaitMetric(OtlpReceiver receiver, String name) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!hasMetric(receiver, name) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(hasMetric(receiver, name)).as(name + " exported").isTrue();
  }

  private static boolean hasMetric(OtlpReceiver receiver, String name) {
    return !ReceivedMetrics.named(receiver, name).isEmpty();
  }

  /** The last exported value of each series ("command pattern"): the counters are cumulative. */
  private static Map<String, Long> counts(OtlpReceiver receiver, String name) {
    Map<String, Long> counts = new TreeMap<>();
    for (Metric metric : ReceivedMetrics.named(receiver, name)) {
      assertThat(metric.getUnit()).isEqualTo("{call}");
      assertThat(metric.getSum().getIsMonotonic()).isTrue();
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        counts.put(
            attribute(point, "db.operation.name") + " " + attribute(point, "malar.redis.key.pattern"),
            point.getAsInt());
      }
    }
    return counts;
  }

  private static String attribute(NumberDataPoint point, String key) {
    for (KeyValue attribute : point.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return null;
  }
}
