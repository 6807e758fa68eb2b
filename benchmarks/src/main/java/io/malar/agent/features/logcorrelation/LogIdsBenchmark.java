package io.malar.agent.features.logcorrelation;

import io.malar.agent.core.context.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a log event pays for its ids: the hook the Logback and Log4j advice calls once per event,
 * outside any span (nothing to add) and inside a request's span with an X-Request-Id.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LogIdsBenchmark {
  @Param({"none", "request"})
  public String current;

  private final CurrentIds ids = new CurrentIds();
  private io.opentelemetry.context.Scope scope;

  @Setup(Level.Trial)
  public void enter() {
    SpanContext server =
        SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
    Context request = RequestIds.with(Context.root().with(Span.wrap(server)), "req-7f3a");
    scope = current.equals("request") ? request.makeCurrent() : io.opentelemetry.context.Scope.noop();
  }

  @TearDown(Level.Trial)
  public void leave() {
    scope.close();
  }

  @Benchmark
  public Map<String, String> currentIds() {
    return ids.currentIds();
  }
}
