package io.malar.agent.instrumentation.lettuce;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook alone: commands are plain objects, the threads are the test's. */
class LettuceTracingHookTest {
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
  private static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final InetSocketAddress SERVER = InetSocketAddress.createUnresolved("redis.example", 6380);

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final LettuceTracingHook hook = new LettuceTracingHook(tracerProvider.get("test"));
  private final Object channel = new Object();
  private final ExecutorService eventLoop = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws InterruptedException {
    eventLoop.shutdown();
    assertThat(eventLoop.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    tracerProvider.close();
  }

  @Test
  void spanRunsFromWriteToCompletionUnderTheContextOfTheDispatch() throws Exception {
    Object command = new Object();
    Span request = inSpan("GET /farmers", () -> hook.commandDispatched(command, raw("SET"), 2));
    assertThat(exporter.getFinishedSpanItems()).isEmpty();

    // written and completed on another thread, which has no context of its own
    onEventLoop(() -> hook.commandWritten(command, channel, SERVER, -1));
    onEventLoop(() -> hook.commandCompleted(command, null));

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("SET");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(span.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("db.system.name"), "redis")
        .containsEntry(AttributeKey.stringKey("db.operation.name"), "SET")
        .containsEntry(QUERY, "SET ? ?")
        .containsEntry(NAMESPACE, "0")
        .containsEntry(SERVER_ADDRESS, "redis.example")
        .containsEntry(SERVER_PORT, 6380L);
  }

  @Test
  void anInnerDispatchOfTheSameCommandKeepsTheOutermostParent() {
    Object command = new Object();
    Span request = inSpan("request", () -> hook.commandDispatched(command, raw("GET"), 1));
    hook.commandDispatched(command, raw("GET"), 1);
    hook.commandCompleted(command, null);

    assertThat(onlySpan().getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
  }

  @Test
  void aReactiveCommandDispatchedWithoutContextTakesTheOneItWasAssembledIn() {
    Object command = new Object();
    Span request = inSpan("request", () -> hook.commandAssembled(command));
    hook.commandDispatched(command, raw("GET"), 1);
    hook.commandCompleted(command, null);

    assertThat(onlySpan().getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
  }

  @Test
  void theContextOfTheDispatchWinsOverTheAssembly() {
    Object command = new Object();
    inSpan("assembly", () -> hook.commandAssembled(command));
    Span subscriber = inSpan("subscriber", () -> hook.commandDispatched(command, raw("GET"), 1));
    hook.commandCompleted(command, null);

    assertThat(onlySpan().getParentSpanId()).isEqualTo(subscriber.getSpanContext().getSpanId());
  }

  @Test
  void aCommandNeverDispatchedIsNotTraced() {
    Object command = new Object();
    hook.commandWritten(command, channel, SERVER, -1);
    hook.commandCompleted(command, null);

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aFailureIsTheSpansErrorWithItsExceptionEvent() {
    Object command = new Object();
    hook.commandDispatched(command, raw("INCR"), 1);
    hook.commandWritten(command, channel, SERVER, -1);
    hook.commandCompleted(command, new IllegalStateException("ERR value is not an integer or out of range"));

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.lang.IllegalStateException");
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
  }

  @Test
  void aCommandRejectedBeforeItsWriteStillHasItsSpanWithoutAServer() {
    Object command = new Object();
    hook.commandDispatched(command, raw("GET"), 1);
    hook.commandCompleted(command, new IllegalStateException("Connection is closed"));

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(SERVER_ADDRESS)).isNull();
    assertThat(span.getAttributes().get(NAMESPACE)).isNull();
  }

  @Test
  void aCancelledCommandEndsOnceWithACancelledEvent() {
    Object command = new Object();
    hook.commandDispatched(command, raw("BLPOP"), 2);
    hook.commandWritten(command, channel, SERVER, -1);
    hook.commandCancelled(command);
    // the reply that comes later, and a late write, change nothing
    hook.commandCompleted(command, null);
    hook.commandWritten(command, channel, SERVER, -1);

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly(LettuceTracingHook.CANCELLED);
  }

  @Test
  void namespaceFollowsTheSelectsWrittenOnTheConnection() {
    Object handshakeSelect = new Object();
    hook.commandWritten(handshakeSelect, channel, SERVER, 2);
    Object get = traced("GET", channel);
    Object select = new Object();
    hook.commandDispatched(select, raw("SELECT"), 1);
    hook.commandWritten(select, channel, SERVER, 5);
    hook.commandCompleted(select, null);
    Object set = traced("SET", channel);
    Object elsewhere = traced("GET", new Object());

    hook.commandCompleted(get, null);
    hook.commandCompleted(set, null);
    hook.commandCompleted(elsewhere, null);

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("SELECT", "GET", "SET", "GET");
    assertThat(spans).extracting(span -> span.getAttributes().get(NAMESPACE)).containsExactly("2", "2", "5", "0");
  }

  @Test
  void aCommandWrittenAgainAfterAReconnectKeepsItsSpanAndTakesTheNewServer() {
    Object command = new Object();
    hook.commandDispatched(command, raw("GET"), 1);
    hook.commandWritten(command, channel, SERVER, -1);
    hook.commandWritten(command, new Object(), InetSocketAddress.createUnresolved("replica.example", 6381), -1);
    hook.commandCompleted(command, null);

    assertThat(onlySpan().getAttributes().asMap())
        .containsEntry(SERVER_ADDRESS, "replica.example")
        .containsEntry(SERVER_PORT, 6381L);
  }

  @Test
  void anAwaitedCommandEndsOnTheWaitingThreadAfterItsReply() throws Exception {
    Object command = traced("GET", channel);
    Object wait = hook.awaitStarted(command);
    assertThat(wait).isNotNull();

    onEventLoop(() -> hook.commandCompleted(command, null));
    assertThat(exporter.getFinishedSpanItems()).isEmpty();

    hook.awaitEnded(wait, null);
    assertThat(onlySpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aWaiterWokenBeforeTheCommandCompletesEndsTheSpanOnce() {
    Object command = traced("GET", channel);
    hook.awaitEnded(hook.awaitStarted(command), null);
    hook.commandCompleted(command, null);

    assertThat(onlySpan().getName()).isEqualTo("GET");
  }

  @Test
  void anAwaitedErrorReplyIsTheSpansError() {
    Object command = traced("INCR", channel);
    Object wait = hook.awaitStarted(command);
    IllegalStateException reply = new IllegalStateException("ERR value is not an integer or out of range");
    hook.commandCompleted(command, reply);
    hook.awaitEnded(wait, reply);

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void aWaitThatTimesOutCancelsTheCommandAndFailsWithTheTimeout() {
    Object command = traced("GET", channel);
    Object wait = hook.awaitStarted(command);
    hook.commandCancelled(command);
    hook.awaitEnded(wait, new TimeoutException("Command timed out after 1 second(s)"));

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.util.concurrent.TimeoutException");
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception", LettuceTracingHook.CANCELLED);
  }

  @Test
  void aWaitThatFailsBeforeTheReplyLeavesTheSpanToTheCompletion() {
    Object command = traced("GET", channel);
    hook.awaitEnded(hook.awaitStarted(command), new IllegalStateException("interrupted"));
    assertThat(exporter.getFinishedSpanItems()).isEmpty();

    hook.commandCompleted(command, null);
    assertThat(onlySpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aCommandCompletedBeforeTheWaitNeedsNoWaiter() {
    Object command = traced("GET", channel);
    hook.commandCompleted(command, null);

    assertThat(hook.awaitStarted(command)).isNull();
    assertThat(onlySpan().getName()).isEqualTo("GET");
  }

  @Test
  void callbacksRunInTheContextOfTheDispatchWhereverTheyRun() throws Exception {
    Object command = new Object();
    Span request = inSpan("request", () -> hook.commandDispatched(command, raw("GET"), 1));

    CompletableFuture<String> seen = new CompletableFuture<>();
    onEventLoop(() -> {
      Object token = hook.callbacksStarting(command);
      try {
        seen.complete(Span.current().getSpanContext().getSpanId());
      } finally {
        hook.callbacksDone(token);
      }
      // and the event loop keeps nothing afterwards
      if (Span.current().getSpanContext().isValid()) {
        seen.obtrudeValue("context left behind");
      }
    });

    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(hook.callbacksStarting(new Object())).as("an untraced command").isNull();
  }

  /** Runs {@code work} with a span current, which is returned open: it is not exported. */
  @SuppressWarnings("try") // the scope only makes the span current
  private Span inSpan(String name, Runnable work) {
    Span span = tracerProvider.get("test").spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      work.run();
    }
    return span;
  }

  private Object traced(String name, Object connection) {
    Object command = new Object();
    hook.commandDispatched(command, raw(name), 1);
    hook.commandWritten(command, connection, SERVER, -1);
    return command;
  }

  private void onEventLoop(Runnable work) throws Exception {
    CompletableFuture.runAsync(work, eventLoop).get(10, TimeUnit.SECONDS);
  }

  private SpanData onlySpan() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static byte[] raw(String command) {
    return command.getBytes(US_ASCII);
  }
}
