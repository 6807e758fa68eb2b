package io.malar.agent.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.malar.agent.tests.apps.LettuceScenarioApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.EmbeddedRedis;
import io.malar.agent.tests.support.EmbeddedRedisCluster;
import io.malar.agent.tests.support.Http;
import io.malar.agent.tests.support.Services;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedSpan;
import io.malar.otlp.receiver.SentryEndpoint;
import io.malar.otlp.receiver.SentryEndpoint.Event;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Lettuce spans from a servlet request against an embedded redis-server and the machine's Redis,
 * newest and oldest Lettuce, the application bringing its own Netty and Reactor.
 */
class LettuceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SERVER = "127.0.0.1";

  private static final String REPLY_ERROR = "io.lettuce.core.RedisCommandExecutionException";

  /** A command's span as it must arrive; namespace null where it was never written. */
  private record Expected(String query, String namespace, String errorType, boolean cancelled) {
    static Expected ok(String query) {
      return new Expected(query, "0", null, false);
    }
  }

  /**
   * In the order the commands are written: the SETEX sent on the event loop by the async GET's
   * callback; the PING before the pipeline it was sent after, since a pipeline's commands start
   * when flushed. No APPEND: it was assembled, never subscribed.
   */
  private static final List<Expected> SPANS =
      List.of(
          Expected.ok("SET ? ?"), Expected.ok("GET ?"), Expected.ok("GET ?"), new Expected("SETEX ? ? ?", "3", null, false),
          Expected.ok("INCR ?"),
          new Expected("INCR ?", "0", REPLY_ERROR, false), new Expected("LPUSH ? ?", "0", REPLY_ERROR, false),
          new Expected("PING", "3", null, false), Expected.ok("SET ? ?"), Expected.ok("GET ?"), Expected.ok("DEL ?"),
          Expected.ok("MULTI"), Expected.ok("INCR ?"), Expected.ok("EXPIRE ? ?"), Expected.ok("EXEC"),
          Expected.ok("PUBLISH ? ?"), Expected.ok("BLPOP ? ?"), new Expected("BLPOP ? ?", "0", null, true), Expected.ok("EVAL ? ?"),
          new Expected("GET ?", "3", null, false), new Expected("GET ?", null, "io.lettuce.core.RedisException", false),
          Expected.ok("DEL ? ?"));

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
  void clusterCommandsNameTheNodeThatAnswered() throws Exception {
    try (EmbeddedRedisCluster cluster = EmbeddedRedisCluster.start();
        OtlpReceiver receiver = OtlpReceiver.start(0)) {
      String node = Integer.toString(cluster.ports().get(0));
      try (AgentApp app =
          AgentApp.main(LettuceScenarioApp.class)
              .exportingTo(receiver)
              .property("malar.agent.startup", "premain")
              .args(SERVER, node, node)
              .start()) {
        HttpResponse<String> response = Http.get(app.port(), "/lettuce/cluster");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // "3 on 40123 set OK get true": the key's number and the port of the node that holds it
        List<String[]> keys = response.body().lines().map(line -> line.split(" ")).toList();
        assertThat(keys).hasSize(6).allSatisfy(key -> assertThat(key).endsWith("set", "OK", "get", "true"));
        assertThat(keys.stream().map(key -> key[2]).distinct().count()).as(response.body()).isGreaterThan(1);

        ReceivedSpan request = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
        // the topology was read before the request: only the keys' commands are its children
        List<ReceivedSpan> spans =
            receiver.awaitSpans(span -> request.spanIdHex().equals(span.parentSpanIdHex()), 2 * keys.size(), WAIT);
        spans.sort(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()));
        assertThat(spans).extracting(ReceivedSpan::name).containsExactly("SET", "GET", "SET", "GET", "SET", "GET", "SET", "GET", "SET", "GET", "SET", "GET");
        for (int i = 0; i < spans.size(); i++) {
          assertThat(spans.get(i).attribute("server.address")).isEqualTo(SERVER);
          assertThat(spans.get(i).longAttribute("server.port")).as(spans.get(i).toString()).isEqualTo(Long.parseLong(keys.get(i / 2)[2]));
        }
        assertThat(app.agentErrors()).isEmpty();
      }
    }
  }

  @Test
  void aRequestFailingOnARedisErrorCarriesItsCommandsAsBreadcrumbs() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        SentryEndpoint sentry = SentryEndpoint.start();
        OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            AgentApp.main(LettuceScenarioApp.class)
                .exportingTo(receiver)
                .property("malar.agent.sentry.dsn", sentry.dsn("2"))
                .args(SERVER, Integer.toString(redis.port()))
                .start()) {
      assertThat(Http.get(app.port(), "/lettuce/fail").statusCode()).isEqualTo(500);

      Event event = sentry.awaitEvents(any -> true, 1, WAIT).get(0);
      assertThat(event.tags()).containsEntry("error.category", "external_service");
      assertThat(event.exceptions()).extracting(exception -> exception.get("type")).contains("RedisCommandExecutionException");
      assertThat(event.breadcrumbs())
          .extracting(crumb -> crumb.get("message"), crumb -> crumb.get("level"), crumb -> crumb.get("category"))
          .containsExactly(tuple("SET ? ?", "info", "db.redis"), tuple("INCR ?", "error", "db.redis"));
      assertThat(sentry.allReceivedText()).doesNotContain(LettuceScenarioApp.VALUE, LettuceScenarioApp.KEY);
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  @Test
  void anUnsupportedLettuceIsNamedAndLeftUntraced() throws Exception {
    String unsupported = System.getProperty("malar.test.lettuce.unsupported");
    assertThat(Path.of(unsupported)).exists();
    untraced(
        app -> assertThat(app.awaitStderrLine(WAIT, "Lettuce version not supported")).contains("\"version\":\"5.3.7.RELEASE\""),
        builder ->
            builder
                .replacingJar("lettuce-core-", unsupported)
                // the client is created before the application serves: instrumentation must be active
                .property("malar.agent.startup", "premain"));
  }

  @Test
  void turnedOffItTracesNothing() throws Exception {
    untraced(app -> {}, builder -> builder.env("MALAR_AGENT_INSTRUMENTATION_LETTUCE_ENABLED", "false"));
  }

  /** The failing request under an agent whose lettuce instrumentation does nothing. */
  private static void untraced(AppCheck started, UnaryOperator<AgentApp.Builder> configured) throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        OtlpReceiver receiver = OtlpReceiver.start(0);
        AgentApp app =
            configured.apply(AgentApp.main(LettuceScenarioApp.class).exportingTo(receiver))
                .args(SERVER, Integer.toString(redis.port()))
                .start()) {
      started.check(app);
      assertThat(Http.get(app.port(), "/lettuce/fail").statusCode()).isEqualTo(500);

      // the request failed on Redis's own reply: Lettuce worked, untraced
      ReceivedSpan request = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
      assertThat(request.attribute("error.type")).isEqualTo(REPLY_ERROR);
      assertThat(receiver.spans()).noneMatch(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT);
      assertThat(app.agentErrors()).isEmpty();
    }
  }

  private interface AppCheck {
    void check(AgentApp app) throws Exception;
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
            "transaction 2 false", "blocking pop null", "reactive blocking pop cancelled after a timeout", "slow script 1",
            "database 3 get null", "closed connection get failed: io.lettuce.core.RedisException", "del 2")
        .contains("sync incr failed: io.lettuce.core.RedisCommandExecutionException: ERR value is not an integer")
        .contains("reactive lpush on a string: io.lettuce.core.RedisCommandExecutionException");
    try (OtlpReceiver receiver = OtlpReceiver.start(0)) {
      assertThat(scenario(receiver, port, lettuceJar)).isEqualTo(withoutAgent);

      ReceivedSpan request = receiver.awaitSpans(span -> span.kind() == SpanKind.SPAN_KIND_SERVER, 1, WAIT).get(0);
      List<ReceivedSpan> spans =
          receiver.awaitSpans(span -> "redis".equals(span.attribute("db.system.name")), SPANS.size(), WAIT);
      spans.sort(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()));
      assertThat(spans).extracting(span -> span.attribute("db.query.text"))
          .containsExactlyElementsOf(SPANS.stream().map(Expected::query).toList());
      for (int i = 0; i < spans.size(); i++) {
        ReceivedSpan span = spans.get(i);
        Expected expected = SPANS.get(i);
        assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.name()).isEqualTo(expected.query().split(" ")[0]);
        assertThat(span.attribute("db.operation.name")).isEqualTo(span.name());
        // every command, whatever thread wrote and completed it, is a child of the request
        assertThat(span.traceIdHex()).isEqualTo(request.traceIdHex());
        assertThat(span.parentSpanIdHex()).as(span.toString()).isEqualTo(request.spanIdHex());
        assertThat(span.attribute("db.namespace")).as(span.toString()).isEqualTo(expected.namespace());
        boolean written = expected.namespace() != null;
        assertThat(span.attribute("server.address")).isEqualTo(written ? SERVER : null);
        assertThat(span.longAttribute("server.port")).isEqualTo(written ? (Long) (long) port : null);
        assertThat(span.attribute("error.type")).as(span.toString()).isEqualTo(expected.errorType());
        assertThat(span.statusCode()).as(span.toString())
            .isEqualTo(expected.errorType() != null ? StatusCode.STATUS_CODE_ERROR : StatusCode.STATUS_CODE_UNSET);
        // any command may be slow on a busy machine; the script always is
        assertThat(span.events()).extracting(event -> event.getName()).filteredOn(name -> !name.equals("slow_redis"))
            .containsExactlyElementsOf(expected.errorType() != null ? List.of("exception") : expected.cancelled() ? List.of("cancelled") : List.of());
        if (span.name().equals("EVAL")) {
          assertThat(span.events()).extracting(event -> event.getName()).contains("slow_redis");
          assertThat(span.attribute("code.function.name")).isEqualTo(LettuceScenarioApp.class.getName() + ".slowScript");
        }
      }
      assertThat(receiver.allReceivedText()).doesNotContain(LettuceScenarioApp.VALUE);
      // keys stay out of spans; a constant key (no digits, no UUID) read by GET is its own key pattern in the cache counts
      assertThat(receiver.spans().stream().map(span -> span.span().toString())).noneMatch(span -> span.contains("malar:lettuce:"));
    }
    return withoutAgent;
  }

  private static String scenario(OtlpReceiver receiver, int port, String lettuceJar) throws Exception {
    AgentApp.Builder builder =
        AgentApp.main(LettuceScenarioApp.class)
            .property("malar.agent.startup", "premain")
            // the request waits a second in BLPOP: slow, with its Redis commands in the breakdown
            .property("malar.agent.slow-request.threshold", "500ms")
            .property("malar.agent.percentiles.log", "true")
            .property("otel.metric.export.interval", "1000")
            .args(SERVER, Integer.toString(port));
    if (lettuceJar != null) {
      builder = builder.replacingJar("lettuce-core-", lettuceJar);
    }
    builder = receiver == null ? builder.withoutAgent() : builder.exportingTo(receiver);
    try (AgentApp app = builder.start()) {
      HttpResponse<String> response = Http.get(app.port(), "/lettuce");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      if (receiver != null) {
        String slowRequest = app.awaitStderrLine(WAIT, "\"type\":\"slow_request\"");
        assertThat(slowRequest).contains("\"redis_commands\":" + SPANS.size());
        // the sync call's thread ends its span: the slow script's warning names the application's line
        assertThat(app.awaitStderrLine(WAIT, "\"command\":\"EVAL\"")).contains("\"type\":\"slow_redis\"",
            "\"frame\":\"" + LettuceScenarioApp.class.getName() + ".slowScript(LettuceScenarioApp.java:");
        // BLPOP waited as asked: never a slow command
        assertThat(app.stderr()).doesNotContain("\"command\":\"BLPOP\"");
        // percentiles per command and server, as for Jedis
        assertThat(app.awaitStderrLine(WAIT, "\"db.operation.name\":\"EXEC\"")).contains("\"kind\":\"redis\"", "\"server.address\":\"" + SERVER + "\"");
        assertThat(app.agentErrors()).isEmpty();
      }
      return app.stdout().replaceAll("READY \\d+", "READY") + response.body();
    }
  }

}
