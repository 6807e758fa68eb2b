package io.malar.agent.instrumentation.jedis;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.redis.RedisCommandText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisDataException;

class JedisTracingHookTest {
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
  private static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final JedisTracingHook hook = new JedisTracingHook(tracerProvider.get("test"));
  private final Object connection = new Object();

  @AfterEach
  void closeProvider() {
    tracerProvider.close();
  }

  @Test
  void commandSpanIsNamedAfterTheCommandAndHidesItsArguments() {
    Object token = hook.enterCommand(raw("SET"), 2);
    send("SET", 2);
    hook.exit(token, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("SET");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("db.system.name"), "redis")
        .containsEntry(AttributeKey.stringKey("db.operation.name"), "SET")
        .containsEntry(QUERY, "SET ? ?")
        .containsEntry(NAMESPACE, "0");
  }

  @Test
  void serverIsWhereTheSocketIsConnected() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      Object token = hook.enterCommand(raw("GET"), 1);
      hook.commandSending(raw("GET"), 1);
      hook.commandSent(connection, socket);
      hook.exit(token, null);

      assertThat(onlySpan().getAttributes().asMap())
          .containsEntry(AttributeKey.stringKey("server.address"), "localhost")
          .containsEntry(AttributeKey.longKey("server.port"), (long) server.getLocalPort());
    }
  }

  @Test
  void namespaceIsTheDatabaseTheConnectionSelected() {
    hook.databaseSelected(connection, 3);

    Object token = hook.enterCommand(raw("GET"), 1);
    send("GET", 1);
    hook.exit(token, null);

    assertThat(onlySpan().getAttributes().get(NAMESPACE)).isEqualTo("3");
  }

  @Test
  void failedCommandRecordsItsException() {
    Object token = hook.enterCommand(raw("LPUSH"), 2);
    send("LPUSH", 2);
    hook.exit(token, new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value"));

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo(JedisDataException.class.getName());
    assertThat(span.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
  }

  @Test
  void clientCallIsOneSpanNamedAfterItsFirstCommand() {
    Object call = hook.enterClientCall();
    assertThat(hook.enterCommand(raw("GET"), 1)).isNull();
    send("GET", 1);
    send("PING", 0);
    hook.exit(call, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getAttributes().get(QUERY)).isEqualTo("GET ?");
  }

  @Test
  void clientCallThatWritesItsOwnCommandIsTimedToItsEnd() {
    Object call = hook.enterClientCall();
    send("PING", 0);
    hook.exit(call, null);

    assertThat(onlySpan().getName()).isEqualTo("PING");
  }

  @Test
  void clientCallThatSendsNothingLeavesNoSpan() {
    hook.exit(hook.enterClientCall(), null);

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void commandsOutsideAnyCallLeaveNoSpan() {
    // e.g. the handshake of a connection opened by a constructor, or a subscription
    send("HELLO", 1);

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  @SuppressWarnings("try") // the scope only makes the request current
  void parentIsTheCurrentSpan() {
    Span request = tracerProvider.get("test").spanBuilder("GET /ledger").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      Object token = hook.enterCommand(raw("GET"), 1);
      hook.exit(token, null);
    } finally {
      request.end();
    }

    SpanData redis = exporter.getFinishedSpanItems().get(0);
    assertThat(redis.getName()).isEqualTo("GET");
    assertThat(redis.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(redis.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
  }

  @Test
  void pipelineIsOneSpanCountingItsQueuedCommands() {
    Object pipeline = new Object();
    queue(pipeline, "SET", 2);
    queue(pipeline, "INCR", 1);
    queue(pipeline, "GET", 1);
    assertThat(exporter.getFinishedSpanItems()).isEmpty();

    Object sync = hook.enterBatch(pipeline, "PIPELINE");
    assertThat(hook.enterBatch(pipeline, "PIPELINE")).as("sync() called by close()").isNull();
    hook.exit(sync, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("PIPELINE");
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("db.operation.name"), "PIPELINE")
        .containsEntry(BATCH_SIZE, 3L)
        .containsEntry(NAMESPACE, "0")
        .doesNotContainKey(QUERY);
  }

  @Test
  void eachFlushCountsWhatWasQueuedSinceTheLastOne() {
    Object pipeline = new Object();
    queue(pipeline, "SET", 2);
    hook.exit(hook.enterBatch(pipeline, "PIPELINE"), null);
    queue(pipeline, "GET", 1);
    queue(pipeline, "GET", 1);
    hook.exit(hook.enterBatch(pipeline, "PIPELINE"), null);

    assertThat(exporter.getFinishedSpanItems()).extracting(span -> span.getAttributes().get(BATCH_SIZE))
        .containsExactly(1L, 2L);
  }

  @Test
  void emptyPipelineLeavesNoSpan() {
    hook.exit(hook.enterBatch(new Object(), "PIPELINE"), null);

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void transactionIsOneMultiSpanCoveringItsExec() {
    Object transaction = new Object();
    send("MULTI", 0); // sent by the constructor, outside any call
    queue(transaction, "SET", 2);
    queue(transaction, "INCR", 1);

    Object exec = hook.enterBatch(transaction, "MULTI");
    send("EXEC", 0);
    hook.exit(exec, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("MULTI");
    assertThat(span.getAttributes().get(BATCH_SIZE)).isEqualTo(2L);
  }

  @Test
  void emptyTransactionIsStillTheRoundTripOfItsExec() {
    Object exec = hook.enterBatch(new Object(), "MULTI");
    send("EXEC", 0);
    hook.exit(exec, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("MULTI");
    assertThat(span.getAttributes().asMap()).containsEntry(BATCH_SIZE, 0L).containsEntry(NAMESPACE, "0");
  }

  @Test
  void discardedTransactionIsADiscardSpan() {
    Object transaction = new Object();
    queue(transaction, "SET", 2);

    Object discard = hook.enterBatch(transaction, "DISCARD");
    send("DISCARD", 0);
    hook.exit(discard, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("DISCARD");
    assertThat(span.getAttributes().get(BATCH_SIZE)).isEqualTo(1L);
  }

  @Test
  void commandRunAtOnceWhileQueueingIsItsOwnSpanAndNotQueued() {
    // a transaction before MULTI executes what it is given
    Object transaction = new Object();
    Object queueing = hook.enterQueueing(transaction);
    Object command = hook.enterCommand(raw("GET"), 1);
    send("GET", 1);
    hook.exit(command, null);
    hook.exitQueueing(queueing, null);

    // nothing queued and no EXEC sent: no MULTI span
    hook.exit(hook.enterBatch(transaction, "MULTI"), null);

    assertThat(onlySpan().getName()).isEqualTo("GET");
  }

  @Test
  void commandThatFailedToQueueIsNotCounted() {
    Object pipeline = new Object();
    queue(pipeline, "SET", 2);
    Object queueing = hook.enterQueueing(pipeline);
    hook.exitQueueing(queueing, new IllegalStateException("broken connection"));

    hook.exit(hook.enterBatch(pipeline, "PIPELINE"), null);

    assertThat(onlySpan().getAttributes().get(BATCH_SIZE)).isEqualTo(1L);
  }

  @Test
  void longArgumentListsEndInAnEllipsis() {
    Object token = hook.enterCommand(raw("DEL"), 1000);
    hook.exit(token, null);

    String query = onlySpan().getAttributes().get(QUERY);
    assertThat(query).startsWith("DEL ? ?").endsWith(" ? ...");
    assertThat(query.chars().filter(c -> c == '?')).hasSize(RedisCommandText.MAX_PLACEHOLDERS);
  }

  @Test
  void threadIsFreeForTheNextCallAfterAFailure() {
    Object first = hook.enterCommand(raw("GET"), 1);
    hook.exit(first, new JedisDataException("ERR"));
    Object second = hook.enterCommand(raw("SET"), 2);
    hook.exit(second, null);

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("GET", "SET");
  }

  private void queue(Object batch, String command, int argumentCount) {
    Object token = hook.enterQueueing(batch);
    send(command, argumentCount);
    hook.exitQueueing(token, null);
  }

  private void send(String command, int argumentCount) {
    hook.commandSending(raw(command), argumentCount);
    hook.commandSent(connection, null);
  }

  private static byte[] raw(String command) {
    return command.getBytes(US_ASCII);
  }

  private SpanData onlySpan() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }
}
