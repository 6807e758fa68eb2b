package io.malar.agent.features.percentiles;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.logging.LoggingMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost on the application thread of recording one span's duration: the histogram record alone,
 * and the whole span processor (key lookup in the nested maps, histogram record, semantic-convention
 * histogram), for a server span and a SQL span. The swap thread runs as in the agent, once a second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RecordingBenchmark {
  private LatencySpanProcessor processor;
  private final LatencySpanProcessor percentilesOnly = new LatencySpanProcessor(1000);
  private IntervalSwapper swapper;
  private SdkMeterProvider meters;
  private ReadableSpan serverSpan;
  private ReadableSpan sqlSpan;
  private LatencyKey key;
  /** For comparison: HdrHistogram's flat (not packed) recorder over the same range, ~190 KB per histogram. */
  private final Recorder flat = new Recorder(1, LatencyKey.HIGHEST_MICROS, 3);

  @Setup(Level.Trial)
  public void setUp() {
    processor = new LatencySpanProcessor(1000);
    meters =
        SdkMeterProvider.builder()
            .registerMetricReader(PeriodicMetricReader.builder(LoggingMetricExporter.create()).setInterval(Duration.ofHours(1)).build())
            .build();
    processor.recordSemconvInto(new SemconvHistograms(meters.get("benchmark")));
    swapper = new IntervalSwapper(processor.families(), (families, start, end) -> {});
    swapper.start(Duration.ofSeconds(1), new ExportPhase(System.nanoTime()));
    // the SDK only makes recording spans when it has a processor; ending them records once
    Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(processor).build().get("benchmark");
    serverSpan = ended(tracer.spanBuilder("GET /api/v1/farmers/*").setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "GET")
        .setAttribute("http.route", "/api/v1/farmers/*")
        .setAttribute("http.response.status_code", 200L)
        .startSpan());
    sqlSpan = ended(tracer.spanBuilder("SELECT malar_farmers").setSpanKind(SpanKind.CLIENT)
        .setAttribute("db.system.name", "postgresql")
        .setAttribute("db.operation.name", "SELECT")
        .setAttribute("db.collection.name", "malar_farmers")
        .setAttribute("db.query.text", "SELECT id, name, phone FROM malar_farmers WHERE id = ? AND market = ?")
        .startSpan());
    key = processor.families().get(0).keys().get(0);
  }

  private static ReadableSpan ended(Span span) {
    span.end();
    return (ReadableSpan) span;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    swapper.stop();
    meters.close();
  }

  @Benchmark
  @Threads(1)
  public void histogramRecord() {
    key.record(12_345);
  }

  @Benchmark
  @Threads(4)
  public void histogramRecord4Threads() {
    key.record(12_345);
  }

  @Benchmark
  @Threads(1)
  public void flatRecorderRecord() {
    flat.recordValue(12_345);
  }

  @Benchmark
  @Threads(1)
  public void processServerSpan() {
    processor.onEnd(serverSpan);
  }

  /** Without the semantic-convention histogram: key lookup and percentile record only. */
  @Benchmark
  @Threads(1)
  public void processServerSpanPercentilesOnly() {
    percentilesOnly.onEnd(serverSpan);
  }

  @Benchmark
  @Threads(4)
  public void processServerSpan4Threads() {
    processor.onEnd(serverSpan);
  }

  @Benchmark
  @Threads(1)
  public void processSqlSpan() {
    processor.onEnd(sqlSpan);
  }

  @Benchmark
  @Threads(4)
  public void processSqlSpan4Threads() {
    processor.onEnd(sqlSpan);
  }
}
