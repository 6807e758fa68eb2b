package io.malar.agent.features.slowcalls;

import io.malar.agent.benchmarks.DiscardingSpanExporter;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.log.AgentLog;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
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
 * What the slow-call processor adds to a fast JDBC call (below every threshold): the span a JDBC
 * call makes, started and ended as the JDBC hook does, inside a request, with the agent's pipeline
 * (batch processor, exporter discarding) alone and with the slow-call processor added. The second
 * benchmark is a whole request: server span and five calls, so the per-request bookkeeping counts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SlowCallsOverheadBenchmark {
  private static final Attributes CONNECTION =
      Attributes.builder()
          .put("db.system.name", "postgresql")
          .put("db.namespace", "ledger")
          .put("server.address", "127.0.0.1")
          .put("server.port", 5432L)
          .build();
  private static final String STATEMENT = "SELECT id, name, phone FROM malar_farmers WHERE id = ? AND market = ?";

  @Param({"tracing", "tracing+slow-calls"})
  public String pipeline;

  private SdkTracerProvider provider;
  private Tracer tracer;
  private Span openRequest;
  private Context inOpenRequest;

  @Setup(Level.Trial)
  public void setUp() {
    SdkTracerProviderBuilder builder =
        SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build());
    if (pipeline.equals("tracing+slow-calls")) {
      builder.addSpanProcessor(
          new SlowCallsProcessor(
              SlowCallsSettings.thresholds(AgentConfig.load(problem -> {})),
              new CallSiteFinder(SkippedFrames.defaults()),
              AgentLog::warn,
              System::nanoTime));
    }
    provider = builder.build();
    tracer = provider.get("benchmark");
    openRequest = serverSpan();
    inOpenRequest = Context.root().with(openRequest);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    openRequest.end();
    provider.close();
  }

  /** One fast call inside a request that stays open (its counts keep growing, as in a long request). */
  @Benchmark
  public void fastJdbcCall() {
    jdbcSpan(inOpenRequest).end();
  }

  /** A request with five fast calls of one statement: below the N+1 threshold, no line, no stack walk. */
  @Benchmark
  public void requestWithFiveFastCalls() {
    Span server = serverSpan();
    Context request = Context.root().with(server);
    for (int i = 0; i < 5; i++) {
      jdbcSpan(request).end();
    }
    server.end();
  }

  private Span serverSpan() {
    return tracer
        .spanBuilder("GET")
        .setSpanKind(SpanKind.SERVER)
        .setNoParent()
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.path", "/api/v1/farmers/42")
        .startSpan();
  }

  private Span jdbcSpan(Context parent) {
    return tracer
        .spanBuilder("SELECT malar_farmers")
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute("db.operation.name", "SELECT")
        .setAttribute("db.collection.name", "malar_farmers")
        .setAttribute("db.query.text", STATEMENT)
        .setAllAttributes(CONNECTION)
        .startSpan();
  }
}
