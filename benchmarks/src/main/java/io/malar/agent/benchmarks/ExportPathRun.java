package io.malar.agent.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.telemetry.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The export path at a steady rate: one thread ends JDBC-like client spans through the SDK as the
 * agent configures it (its defaults, or the user's otel.* system properties on the command line),
 * exporting OTLP/HTTP to benchmarks/wrk/DiscardingReceiver.java in its own process. Prints the
 * process's CPU and allocation per span over the measured window and how many spans were dropped.
 * Not JMH: the cost is on the exporter's threads, and dropped spans would make a saturating loop
 * look cheaper.
 *
 * <p>Usage: {@code ExportPathRun SPANS_PER_SECOND WARMUP_SECONDS MEASURED_SECONDS [noop]}, with
 * {@code -Dotel.exporter.otlp.endpoint=http://127.0.0.1:PORT}. With {@code noop} the same loop runs
 * on OpenTelemetry's no-op tracer: the loop's own cost, to subtract from the SDK's.
 */
public final class ExportPathRun {
  private static final int SPANS_PER_TICK = 10;

  public static void main(String[] args) throws InterruptedException {
    int rate = Integer.parseInt(args[0]);
    long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
    long measuredNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    CountingExports counting = new CountingExports();
    Telemetry telemetry = Telemetry.create("benchmark", List.of(counting), AgentConfig.load(problem -> {}));
    boolean noop = args.length > 3 && args[3].equals("noop");
    Tracer tracer = noop ? OpenTelemetry.noop().getTracer("benchmark") : telemetry.sdk().getTracer("benchmark");

    endSpans(tracer, rate, warmupNanos);
    TimeUnit.SECONDS.sleep(6); // the warm-up's last batch leaves before the measured window
    long exportedBefore = counting.exported.sum();
    long exportsBefore = counting.exports.sum();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long allocatedBefore = allocated(threads);
    long ended = endSpans(tracer, rate, measuredNanos);
    telemetry.sdk().getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS);
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long allocatedBytes = allocated(threads) - allocatedBefore;
    long exported = counting.exported.sum() - exportedBefore;
    long exports = counting.exports.sum() - exportsBefore;
    System.out.printf(
        "spans_ended=%d exported=%d dropped=%d cpu_ns_per_span=%d allocated_bytes_per_span=%d exports=%d%n",
        ended, exported, ended - exported, cpu / ended, allocatedBytes / ended, exports);
    telemetry.sdk().close();
  }

  /** Ends spans at {@code rate} per second, SPANS_PER_TICK at a time, for the given time. */
  private static long endSpans(Tracer tracer, int rate, long durationNanos) {
    long tickNanos = TimeUnit.SECONDS.toNanos(1) * SPANS_PER_TICK / rate;
    long start = System.nanoTime();
    long next = start;
    long ended = 0;
    while (next - start < durationNanos) {
      for (int i = 0; i < SPANS_PER_TICK; i++) {
        Span span =
            tracer.spanBuilder("SELECT test.farmer").setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "h2")
                .setAttribute("db.namespace", "test")
                .setAttribute("db.query.text", "SELECT id, name FROM farmer WHERE id = ?")
                .startSpan();
        span.end();
      }
      ended += SPANS_PER_TICK;
      next += tickNanos;
      LockSupport.parkNanos(next - System.nanoTime());
    }
    return ended;
  }

  /** All live threads' allocation; the exporter's threads live through the run. */
  private static long allocated(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(bytes, 0);
    }
    return sum;
  }

  /** Counts the spans the batch processor hands to the OTLP exporter, which then sends them. */
  private static final class CountingExports implements AgentFeature {
    final LongAdder exported = new LongAdder();
    final LongAdder exports = new LongAdder();

    @Override
    public String name() {
      return "counting-exports";
    }

    @Override
    public List<Setting> settings() {
      return List.of();
    }

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder sdk, AgentConfig config) {
      sdk.addSpanExporterCustomizer((exporter, otelConfig) -> new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          exports.increment();
          exported.add(spans.size());
          return exporter.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
          return exporter.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
          return exporter.shutdown();
        }
      });
    }
  }
}
