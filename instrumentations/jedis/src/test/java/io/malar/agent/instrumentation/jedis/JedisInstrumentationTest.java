package io.malar.agent.instrumentation.jedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.ModuleInstaller;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The module's advice installed on this JVM; real Jedis against a real redis-server. */
class JedisInstrumentationTest {
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
  private static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");
  private static final String HOST = "127.0.0.1";

  private static final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private static SdkTracerProvider tracerProvider;
  private static RedisServer redis;
  private static int port;
  private static JedisApplication application;

  private long adviceErrorsBefore;

  @BeforeAll
  static void instrumentAndStartRedis() throws IOException {
    tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    JedisInstrumentationModule module = new JedisInstrumentationModule();
    module.install(new AgentContext(openTelemetry, AgentConfig.load(problem -> {}), "test"));
    ModuleInstaller.register(ByteBuddyAgent.install(), List.of(module), System.nanoTime()).complete();
    application = new JedisApplication();

    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    redis = RedisServer.newRedisServer().bind(HOST).port(port).setting("save \"\"").build();
    redis.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null) {
      redis.stop();
    }
    application.close();
    tracerProvider.close();
  }

  @BeforeEach
  void emptyRedis() throws Throwable {
    run("flushAll");
    exporter.reset();
    adviceErrorsBefore = AdviceErrors.count();
  }

  @AfterEach
  void noAdviceFailed() {
    assertThat(AdviceErrors.count()).as("suppressed advice errors").isEqualTo(adviceErrorsBefore);
  }

  @Test
  void eachCommandIsOneClientSpanWithoutValues() throws Throwable {
    run("commands");

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("SET", "GET", "SETEX", "LPUSH");
    assertThat(spans)
        .extracting(span -> span.getAttributes().get(QUERY))
        .containsExactly("SET ? ?", "GET ?", "SETEX ? ? ?", "LPUSH ? ? ?");
    for (SpanData span : spans) {
      assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(span.getAttributes().asMap())
          .containsEntry(AttributeKey.stringKey("db.system.name"), "redis")
          .containsEntry(AttributeKey.stringKey("db.operation.name"), span.getName())
          .containsEntry(NAMESPACE, "0")
          .containsEntry(SERVER_ADDRESS, HOST)
          .containsEntry(SERVER_PORT, (long) port);
      assertThat(span.getAttributes().asMap().values())
          .allSatisfy(
              value ->
                  assertThat(String.valueOf(value))
                      .doesNotContain("farmer", "Lakshmi", "session", "token-secret", "jasmine", "marigold"));
    }
  }

  @Test
  void commandsJedisWritesItselfAreTracedToo() throws Throwable {
    run("commandsJedisWritesItself");

    assertThat(exporter.getFinishedSpanItems())
        .extracting(span -> span.getAttributes().get(QUERY))
        .containsExactly("PING", "DBSIZE");
  }

  @Test
  void errorReplyMarksTheSpan() {
    assertThatThrownBy(() -> run("pushOntoAString"))
        .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("redis.clients.jedis.exceptions.JedisDataException"));

    SpanData span = exporter.getFinishedSpanItems().get(1);
    assertThat(span.getName()).isEqualTo("LPUSH");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("redis.clients.jedis.exceptions.JedisDataException");
    assertThat(span.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
  }

  @Test
  void pipelineIsOneSpanForItsQueuedCommands() throws Throwable {
    run("pipeline");

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("PIPELINE");
    assertThat(span.getAttributes().asMap())
        .containsEntry(BATCH_SIZE, 3L)
        .containsEntry(SERVER_ADDRESS, HOST)
        .containsEntry(SERVER_PORT, (long) port)
        .containsEntry(NAMESPACE, "0");
  }

  @Test
  void transactionIsOneMultiSpan() throws Throwable {
    assertThat(run("transaction")).isEqualTo(2);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("MULTI");
    assertThat(span.getAttributes().asMap())
        .containsEntry(BATCH_SIZE, 2L)
        .containsEntry(SERVER_ADDRESS, HOST)
        .containsEntry(SERVER_PORT, (long) port);
  }

  @Test
  void discardedTransactionIsOneDiscardSpan() throws Throwable {
    run("discardedTransaction");

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("DISCARD");
    assertThat(span.getAttributes().get(BATCH_SIZE)).isEqualTo(1L);
  }

  @Test
  void namespaceFollowsTheSelectedDatabase() throws Throwable {
    run("selectThenSet");

    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getName, span -> span.getAttributes().get(NAMESPACE))
        .containsExactly(tuple("SELECT", "0"), tuple("SET", "2"));
  }

  @Test
  void pooledClientsAreTracedWithTheirConfiguredDatabase() throws Throwable {
    run("pooledClientsOnDatabaseOne");

    // JedisPool selects the configured database again on the first borrow: a real round trip
    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getName, span -> span.getAttributes().get(NAMESPACE))
        .containsExactly(tuple("SELECT", "1"), tuple("SET", "1"), tuple("GET", "1"));
  }

  @Test
  @SuppressWarnings("try") // the scope only makes the request current
  void commandsInsideARequestAreItsChildren() throws Throwable {
    Span request = tracerProvider.get("test").spanBuilder("GET /ledger/entries").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      run("get");
    } finally {
      request.end();
    }

    SpanData redisSpan = exporter.getFinishedSpanItems().get(0);
    assertThat(redisSpan.getName()).isEqualTo("GET");
    assertThat(redisSpan.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
  }

  private static Object run(String workload) throws Throwable {
    return application.run(workload, HOST, port);
  }

  private static SpanData onlySpan() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }
}
