package io.malar.agent.instrumentation.executors;

import io.malar.agent.bridge.ContextBridge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the executors instrumentation adds to handing over an empty task, with and without a
 * current context (a request's server span). The advice is the bridge call it inlines into
 * {@code execute}; the pool's own queueing is the same with and without the agent and is left out.
 * The two sides are measured apart, each on a thread in the state it has in real life: the
 * handing thread inside the request, the worker outside any.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextPropagationBenchmark {
  /** An empty task whose body the JIT may not inline, as a real task's would not be. */
  private static final Runnable EMPTY = ContextPropagationBenchmark::nothing;
  /** An application pool: a JDK executor with the default thread factory. */
  private static final Executor APPLICATION = java.util.concurrent.Executors.newSingleThreadExecutor();

  private static final ContextPropagation HOOK = new ContextPropagation();

  static {
    ContextBridge.install(HOOK);
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void nothing() {}

  /** Makes a request's context current when {@code current} says so; returns what restores the thread. */
  static Scope inRequestIf(String current) {
    return current.equals("context") ? request().makeCurrent() : Scope.noop();
  }

  static Context request() {
    SpanContext server =
        SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
    return Context.root().with(Span.wrap(server));
  }

  /** The thread that hands the task over: inside a request, or not. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Handing {
    @Param({"no-context", "context"})
    public String current;

    private Scope inRequest;

    @Setup
    public void enter() {
      inRequest = inRequestIf(current);
    }

    @TearDown
    public void leave() {
      inRequest.close();
    }
  }

  /** A worker thread, outside any request, running a task handed over inside one or not. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Worker {
    @Param({"no-context", "context"})
    public String current;

    private Runnable handedOver;

    @Setup
    public void handOver() {
      try (Scope ignored = inRequestIf(current)) {
        handedOver = ContextBridge.wrap(EMPTY, APPLICATION);
      }
    }
  }

  /** A ForkJoinTask, whose context waits in the table between fork and start. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Forking {
    private final ForkJoinTask<Void> task =
        new RecursiveAction() {
          @Override
          protected void compute() {}
        };
    private final Context request = request();
  }

  /** The advice in {@code execute}: the task the pool will queue. */
  @Benchmark
  public Runnable execute(Handing handing) {
    return ContextBridge.wrap(EMPTY, APPLICATION);
  }

  /** The worker side: the task run, in its context when it has one, the thread left clean. */
  @Benchmark
  public void run(Worker worker) {
    worker.handedOver.run();
  }

  /** Fork with a context, then the worker's start and end of the task. */
  @Benchmark
  public void forkJoinTask(Forking forking) {
    HOOK.remember(forking.task, forking.request);
    ContextBridge.ended(ContextBridge.starting(forking.task));
  }
}
