package io.malar.agent.tests;

import static io.malar.otlp.receiver.ReceivedMetrics.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.tests.apps.ErrorsApp;
import io.malar.agent.tests.support.AgentApp;
import io.malar.agent.tests.support.ExportedMetrics;
import io.malar.agent.tests.support.Http;
import io.malar.otlp.receiver.OtlpReceiver;
import io.malar.otlp.receiver.ReceivedMetrics;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM's own metrics under their semantic-convention names, over OTLP from the real agent. */
class JvmMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> EXPECTED =
      List.of(
          "jvm.memory.used",
          "jvm.memory.committed",
          "jvm.memory.limit",
          "jvm.memory.used_after_last_gc",
          "jvm.gc.duration",
          "jvm.thread.count",
          "jvm.class.loaded",
          "jvm.class.unloaded",
          "jvm.class.count",
          "jvm.cpu.time",
          "jvm.cpu.count",
          "jvm.cpu.recent_utilization");

  @Test
  void memoryGcThreadsClassesAndCpuArrive() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0); AgentApp app = start(receiver, true)) {
      assertThat(Http.get(app.port(), "/gc").statusCode()).isEqualTo(200);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && !ExportedMetrics.names(receiver).containsAll(EXPECTED)) {
        Thread.sleep(200);
      }
      assertThat(ExportedMetrics.names(receiver)).containsAll(EXPECTED);

      Metric memory = last(receiver, "jvm.memory.used");
      assertThat(memory.getUnit()).isEqualTo("By");
      long heapUsed = 0;
      for (NumberDataPoint point : memory.getSum().getDataPointsList()) {
        assertThat(attribute(point.getAttributesList(), "jvm.memory.pool.name")).isNotEmpty();
        if ("heap".equals(attribute(point.getAttributesList(), "jvm.memory.type"))) {
          heapUsed += point.getAsInt();
        }
      }
      assertThat(heapUsed).isPositive();
      long collections = 0;
      for (HistogramDataPoint point : last(receiver, "jvm.gc.duration").getHistogram().getDataPointsList()) {
        assertThat(attribute(point.getAttributesList(), "jvm.gc.name")).isNotEmpty();
        collections += point.getCount();
      }
      assertThat(collections).as("the application's System.gc()").isPositive();
      assertThat(last(receiver, "jvm.thread.count").getSum().getDataPointsList()).isNotEmpty();
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  @Test
  void offSwitchExportsNoJvmMetric() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(0); AgentApp app = start(receiver, false)) {
      assertThat(Http.get(app.port(), "/gc").statusCode()).isEqualTo(200);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && ReceivedMetrics.named(receiver, "http.server.request.duration").isEmpty()) {
        Thread.sleep(200);
      }
      assertThat(ExportedMetrics.names(receiver)).contains("http.server.request.duration").noneMatch(name -> name.startsWith("jvm."));
      assertThat(app.agentErrors()).as(app.output()).isEmpty();
    }
  }

  private static AgentApp start(OtlpReceiver receiver, boolean jvmMetrics) throws Exception {
    return AgentApp.main(ErrorsApp.class)
        .exportingTo(receiver)
        .property("malar.agent.jvm-metrics.enabled", Boolean.toString(jvmMetrics))
        .property("otel.metrics.exporter", "otlp")
        .property("otel.metric.export.interval", "500")
        .args("0")
        .start();
  }

  private static Metric last(OtlpReceiver receiver, String name) {
    List<Metric> exported = ReceivedMetrics.named(receiver, name);
    assertThat(exported).as(name).isNotEmpty();
    return exported.get(exported.size() - 1);
  }
}
