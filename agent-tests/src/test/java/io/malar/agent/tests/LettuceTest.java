package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.LettuceScenarioApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Lettuce spans from a servlet request against an embedded redis-server and the machine's Redis,
 * newest and oldest Lettuce, the application bringing its own Netty and Reactor.
 */
class LettuceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SERVER = "127.0.0.1";

  /** In the order they are written; the APPEND assembled but never subscribed is absent. */
  private static final List<String> QUERIES =
      List.of(
          "SET ? ?", "GET ?", "GET ?", "INCR ?", "INCR ?", "LPUSH ? ?",
          "SET ? ?", "GET ?", "DEL ?",
          "MULTI", "INCR ?", "EXPIRE ? ?", "EXEC",
          "PUBLISH ? ?", "BLPOP ? ?", "GET ?", "DEL ? ?");
  private static final int DATABASE_3_GET = 15;
  private static final List<Integer> FAILED = List.of(4, 5);

  @Test
  void newestLettuceAgainstAnEmbeddedRedis() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      assertThat(run(redis.port(), null)).contains("client lettuce-core-" + System.getProperty("malar.test.lettuce.newest.version"));
    }
  }

  @Test
  void oldestLettuceAgainstAnEmbeddedRedis() throws Exception {
    String oldest = System.getProperty("malar.test.lettuce.oldest");
    assertThat(Path.of(oldest)).exists();
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      assertThat(run(redis.port(), oldest)).contains("client " + Path.of(oldest).getFileName());
    }
  }

  @Test
  void newestLettuceAgainstTheLocalRedisService() throws Exception {
    Services.require("Redis", 6379);
    run(6379, null);
  }

  @Test
  void theAgentCarriesNoNettyNorReactorOfItsOwn() throws Exception {
    try (JarFile agent = new JarFile(AgentApp.agentJar())) {
      assertThat(agent.stream().map(entry -> entry.getName()))
          .noneMatch(name -> name.contains("io/netty/") || name.contains("reactor/core/"));
    }
  }

  private static String run(int port, String lettuceJar) throws Exception {
    String withoutAgent = scenario(null, port, lettuceJar);
    assertThat(withoutAgent)
        .contains("async completed on the event loop true", "reactive incr 1", "pipeline true OK true 1",
            "transaction 2 false", "blocking pop null", "database 3 get null", "del 2")
        .contains("sync incr failed: io.lettuce.core.RedisCommandExecutionException: ERR value is not an integer")
        .contains("reactive lpush on a string: io.lettuce.core.RedisCommandExecutionException");
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      assertThat(scenario(receiver, port, lettuceJar)).isEqualTo(withoutAgent);

      ReceivedSpan request = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
      List<ReceivedSpan> spans =
          receiver.awaitSpans(span -> "redis".equals(span.attribute("db.system.name")), QUERIES.size(), WAIT);
      spans.sort(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()));
      assertThat(spans).extracting(span -> span.attribute("db.query.text")).containsExactlyElementsOf(QUERIES);
      for (int i = 0; i < spans.size(); i++) {
        ReceivedSpan span = spans.get(i);
        assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.name()).isEqualTo(QUERIES.get(i).split(" ")[0]);
        assertThat(span.attribute("db.operation.name")).isEqualTo(span.name());
        // every command, whatever thread wrote and completed it, is a child of the request
        assertThat(span.traceIdHex()).isEqualTo(request.traceIdHex());
        assertThat(span.parentSpanIdHex()).as(span.toString()).isEqualTo(request.spanIdHex());
        assertThat(span.attribute("server.address")).isEqualTo(SERVER);
        assertThat(span.longAttribute("server.port")).isEqualTo((long) port);
        assertThat(span.attribute("db.namespace")).isEqualTo(i == DATABASE_3_GET ? "3" : "0");
        if (FAILED.contains(i)) {
          assertThat(span.statusCode()).as(span.toString()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
          assertThat(span.attribute("error.type")).isEqualTo("io.lettuce.core.RedisCommandExecutionException");
          assertThat(span.events()).extracting(event -> event.getName()).containsExactly("exception");
        } else {
          assertThat(span.statusCode()).as(span.toString()).isNotEqualTo(StatusCode.STATUS_CODE_ERROR);
        }
      }
      assertThat(receiver.allReceivedText())
          .doesNotContain(LettuceScenarioApp.VALUE, LettuceScenarioApp.KEY, "malar:lettuce:");
    }
    return withoutAgent;
  }

  private static String scenario(OtlpReceiver receiver, int port, String lettuceJar) throws Exception {
    AgentApp.Builder builder =
        AgentApp.main(LettuceScenarioApp.class)
            .property("malar.agent.startup", "premain")
            // the request waits a second in BLPOP: slow, with its Redis commands in the breakdown
            .property("malar.agent.slow-request.threshold", "500ms")
            .args(SERVER, Integer.toString(port));
    if (lettuceJar != null) {
      builder = builder.replacingJar("lettuce-core-", lettuceJar);
    }
    builder = receiver == null ? builder.withoutAgent() : builder.exportingTo(receiver);
    try (AgentApp app = builder.start()) {
      HttpResponse<String> response = Http.get(app.port(), "/lettuce");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      if (receiver != null) {
        String slowRequest = awaitLine(app, "\"type\":\"slow_request\"");
        assertThat(slowRequest).contains("\"redis_commands\":" + QUERIES.size());
        // BLPOP waited a second as asked: never a slow command
        assertThat(app.stderr()).doesNotContain("\"command\":\"BLPOP\"");
        assertThat(app.agentErrors()).isEmpty();
      }
      return app.stdout().replaceAll("READY \\d+", "READY") + response.body();
    }
  }

  private static String awaitLine(AgentApp app, String marker) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : app.stderr().split("\n")) {
        if (line.contains(marker)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line with " + marker + "\n" + app.output());
  }
}
