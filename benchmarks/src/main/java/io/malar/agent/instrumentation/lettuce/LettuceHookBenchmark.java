package io.malar.agent.instrumentation.lettuce;

import io.malar.agent.benchmarks.OpenRequest;
import io.malar.agent.core.redis.RedisSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the Lettuce hook adds to a command's span: the same CLIENT span (name, query text, server,
 * database, parented to a request), made directly as a thread-bound client's hook does
 * ({@code redisSpan}), and through the Lettuce hook's steps, keyed by the command object:
 * dispatch, write, completion with the callbacks' context ({@code lettuceCommand}), and with the sync API's wait
 * ({@code lettuceAwaitedCommand}). All steps run on the benchmark thread: a thread hand-off is
 * Lettuce's own cost, with or without the agent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LettuceHookBenchmark {
  private static final byte[] GET = "GET".getBytes(StandardCharsets.US_ASCII);
  private static final InetSocketAddress SERVER = InetSocketAddress.createUnresolved("127.0.0.1", 6379);

  private OpenRequest request;
  private Tracer tracer;
  private LettuceTracingHook hook;
  private final Object channel = new Object();

  @Setup(Level.Trial)
  public void setUp() {
    request = new OpenRequest();
    tracer = request.tracer();
    hook = new LettuceTracingHook(tracer);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    request.close();
  }

  @Benchmark
  @SuppressWarnings("try") // the scope only makes the request current
  public void redisSpan() {
    try (io.opentelemetry.context.Scope ignored = request.enter()) {
      Span span = RedisSpans.command(tracer, "GET", 1).startSpan();
      RedisSpans.server(span, SERVER);
      RedisSpans.database(span, 0);
      span.end();
    }
  }

  @Benchmark
  public void lettuceCommand() {
    Object command = dispatched();
    hook.commandWritten(command, channel, SERVER, -1);
    completed(command);
  }

  @Benchmark
  public void lettuceAwaitedCommand() {
    Object command = dispatched();
    hook.commandWritten(command, channel, SERVER, -1);
    Object wait = hook.awaitStarted(command);
    completed(command);
    hook.awaitEnded(wait, null);
  }

  /** As on the event loop: the future's callbacks in the dispatch's context, then the command. */
  private void completed(Object command) {
    Object callbacks = hook.callbacksStarting(command);
    hook.commandCompleted(command, null);
    if (callbacks != null) {
      hook.callbacksDone(callbacks);
    }
  }

  @SuppressWarnings("try") // the scope only makes the request current
  private Object dispatched() {
    Object command = new Object();
    try (io.opentelemetry.context.Scope ignored = request.enter()) {
      hook.commandDispatched(command, GET, 1);
    }
    return command;
  }
}
