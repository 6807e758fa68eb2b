package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.JedisScenarioApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jedis spans against an embedded redis-server and the machine's Redis, newest and oldest Jedis. */
class JedisTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void newestJedisAgainstAnEmbeddedRedis() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      run(redis.port(), null);
    }
  }

  @Test
  void oldestJedisAgainstAnEmbeddedRedis() throws Exception {
    String oldest = System.getProperty("malar.test.jedis.oldest");
    assertThat(Path.of(oldest)).exists();
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      String output = run(redis.port(), oldest);
      assertThat(output).contains("client " + Path.of(oldest).getFileName(), "DONE");
    }
  }

  @Test
  void newestJedisAgainstTheLocalRedisService() throws Exception {
    Services.require("Redis", 6379);
    run(6379, null);
  }

  private static String run(int port, String jedisJar) throws Exception {
    String withoutAgent = scenario(null, port, jedisJar);
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      assertThat(scenario(receiver, port, jedisJar)).isEqualTo(withoutAgent);

      List<ReceivedSpan> spans = receiver.awaitSpans(span -> "redis".equals(span.attribute("db.system.name")), 5, WAIT);
      spans.sort(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()));
      assertThat(spans).extracting(ReceivedSpan::name).containsExactly("SET", "GET", "PIPELINE", "MULTI", "DEL");
      assertThat(spans).extracting(span -> span.attribute("db.query.text"))
          .containsExactly("SET ? ?", "GET ?", null, null, "DEL ? ?");
      assertThat(spans).extracting(span -> span.longAttribute("db.operation.batch.size"))
          .containsExactly(null, null, 3L, 2L, null);
      assertThat(spans).allSatisfy(span -> {
        assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.parentSpanIdHex()).isEmpty();
        assertThat(span.attribute("db.operation.name")).isEqualTo(span.name());
        assertThat(span.attribute("db.namespace")).isEqualTo("0");
        assertThat(span.attribute("server.address")).isEqualTo("127.0.0.1");
        assertThat(span.longAttribute("server.port")).isEqualTo((long) port);
      });
      assertThat(receiver.allReceivedText()).doesNotContain(JedisScenarioApp.VALUE);
      // keys stay out of spans; a constant key (no digits, no UUID) read by GET is its own key pattern in the cache counts
      assertThat(receiver.spans().stream().map(span -> span.span().toString()))
          .noneMatch(span -> span.contains("malar:rate") || span.contains("malar:p1") || span.contains("malar:counter"));
    }
    return withoutAgent;
  }

  private static String scenario(OtlpReceiver receiver, int port, String jedisJar) throws Exception {
    AgentApp.Builder builder =
        AgentApp.main(JedisScenarioApp.class)
            .withoutWaiting()
            .property("malar.agent.startup", "premain")
            .args("127.0.0.1", Integer.toString(port));
    if (jedisJar != null) {
      assertThat(Files.isRegularFile(Path.of(jedisJar))).isTrue();
      builder = builder.replacingJar("jedis-", jedisJar);
    }
    builder = receiver == null ? builder.withoutAgent() : builder.exportingTo(receiver);
    try (AgentApp app = builder.start()) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isZero();
      assertThat(app.agentErrors()).isEmpty();
      return app.stdout();
    }
  }
}
