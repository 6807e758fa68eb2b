package io.malar.agent.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.AgentOtel;
import io.malar.agent.instrumentation.opentelemetryapi.application.ApplicationApiFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The helpers over an SDK standing in for the agent's. One copy of the API plays both parts here:
 * the agent's context is the API's own storage, the application's is the bridged storage.
 */
class BridgedApiTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();
  private final AgentOtel agent = new AgentOtelAccess(sdk);
  private final OpenTelemetry application;
  private final ContextStorage applicationStorage;
  private final Tracer agentTracer = sdk.getTracer("agent");
  private final Tracer applicationTracer;

  BridgedApiTest() throws ClassNotFoundException {
    ApplicationApiFactory factory = new ApplicationApiFactory();
    application = (OpenTelemetry) factory.openTelemetry(agent);
    applicationStorage = (ContextStorage) factory.contextStorage(agent);
    applicationTracer = application.getTracer("shop", "1.0");
  }

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void theApplicationsSpanIsTheChildOfTheAgentsCurrentSpan() {
    Span server = agentTracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = server.makeCurrent()) {
      assertThat(Span.fromContext(applicationStorage.current()).getSpanContext()).isEqualTo(server.getSpanContext());
      applicationTracer.spanBuilder("take-order").startSpan().end();
    } finally {
      server.end();
    }

    SpanData order = exported("take-order");
    assertThat(order.getParentSpanContext()).isEqualTo(server.getSpanContext());
    assertThat(order.getInstrumentationScopeInfo().getName()).isEqualTo("shop");
    assertThat(order.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.0");
  }

  @Test
  void theAgentsNextSpanIsTheChildOfTheSpanTheApplicationMadeCurrent() {
    Span order = applicationTracer.spanBuilder("take-order").startSpan();
    try (Scope ignored = applicationStorage.attach(applicationStorage.current().with(order))) {
      assertThat(Span.current().getSpanContext()).isEqualTo(order.getSpanContext());
      agentTracer.spanBuilder("SELECT").setSpanKind(SpanKind.CLIENT).startSpan().end();
    } finally {
      order.end();
    }

    assertThat(exported("SELECT").getParentSpanContext()).isEqualTo(order.getSpanContext());
    assertThat(Span.current().getSpanContext().isValid()).as("closing the scope restores the agent's context").isFalse();
  }

  @Test
  void theApplicationsOwnValuesRideInTheAgentsContext() {
    ContextKey<String> tenant = ContextKey.named("tenant");
    try (Scope ignored = applicationStorage.attach(applicationStorage.current().with(tenant, "north"))) {
      assertThat(applicationStorage.current().get(tenant)).isEqualTo("north");
      // what the agent carries to another thread carries the application's value with it
      Context carried = Context.current();
      try (Scope elsewhere = Context.root().makeCurrent()) {
        assertThat(applicationStorage.current().get(tenant)).isNull();
        try (Scope resumed = carried.makeCurrent()) {
          assertThat(applicationStorage.current().get(tenant)).isEqualTo("north");
        }
      }
    }
    assertThat(applicationStorage.current().get(tenant)).isNull();
  }

  @Test
  void aParentTheApplicationExtractedIsTheParentOfItsSpan() {
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.builder().put("shop", "1").build());
    Context extracted = Context.root().with(Span.wrap(remote));
    applicationTracer.spanBuilder("take-order").setParent(extracted).startSpan().end();

    SpanData order = exported("take-order");
    assertThat(order.getTraceId()).isEqualTo(remote.getTraceId());
    assertThat(order.getParentSpanContext()).isEqualTo(remote);
    assertThat(order.getSpanContext().getTraceState().get("shop")).isEqualTo("1");
  }

  @Test
  void attributesEventsLinksStatusAndExceptionsArriveAsTheApplicationSetThem() {
    Span order =
        applicationTracer
            .spanBuilder("take-order")
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("shop.flower", "roses")
            .setAttribute("shop.bunches", 3)
            .startSpan();
    order.setAttribute("shop.kg", 2.5);
    order.setAttribute("shop.fresh", true);
    order.setAttribute(AttributeKey.stringArrayKey("shop.colours"), Arrays.asList("red", "white"));
    order.setAttribute(AttributeKey.longArrayKey("shop.stems"), Arrays.asList(12L, 24L));
    order.addEvent("stock checked", Attributes.of(AttributeKey.longKey("shop.left"), 40L));
    order.recordException(new IllegalStateException("no roses left"));
    order.setStatus(StatusCode.ERROR, "out of stock");
    SpanContext previous =
        SpanContext.create("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    order.addLink(previous, Attributes.of(AttributeKey.stringKey("shop.link"), "reorder"));
    order.updateName("refuse-order");
    order.end();

    SpanData refused = exported("refuse-order");
    assertThat(refused.getKind()).isEqualTo(SpanKind.CONSUMER);
    Attributes attributes = refused.getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("shop.flower"))).isEqualTo("roses");
    assertThat(attributes.get(AttributeKey.longKey("shop.bunches"))).isEqualTo(3L);
    assertThat(attributes.get(AttributeKey.doubleKey("shop.kg"))).isEqualTo(2.5);
    assertThat(attributes.get(AttributeKey.booleanKey("shop.fresh"))).isTrue();
    assertThat(attributes.get(AttributeKey.stringArrayKey("shop.colours"))).containsExactly("red", "white");
    assertThat(attributes.get(AttributeKey.longArrayKey("shop.stems"))).containsExactly(12L, 24L);
    List<EventData> events = refused.getEvents();
    assertThat(events).extracting(EventData::getName).containsExactly("stock checked", "exception");
    assertThat(events.get(0).getAttributes().get(AttributeKey.longKey("shop.left"))).isEqualTo(40L);
    assertThat(events.get(1).getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("no roses left");
    assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(refused.getStatus().getDescription()).isEqualTo("out of stock");
    assertThat(refused.getLinks()).singleElement().satisfies(link -> {
      assertThat(link.getSpanContext()).isEqualTo(previous);
      assertThat(link.getAttributes().get(AttributeKey.stringKey("shop.link"))).isEqualTo("reorder");
    });
  }

  @Test
  void countersHistogramsAndGaugesArriveInTheAgentsMeters() {
    Meter meter = application.getMeter("shop");
    AttributeKey<String> outcome = AttributeKey.stringKey("outcome");
    meter.counterBuilder("shop.orders").setUnit("{order}").build().add(2, Attributes.of(outcome, "taken"));
    meter.counterBuilder("shop.kg").ofDoubles().build().add(2.5);
    meter.upDownCounterBuilder("shop.open").build().add(-1);
    meter.histogramBuilder("shop.weight").setUnit("kg").build().record(3.5);
    meter.histogramBuilder("shop.bunches").ofLongs().build().record(4);
    meter.gaugeBuilder("shop.queue").ofLongs().buildWithCallback(queue -> queue.record(7));
    meter.gaugeBuilder("shop.temperature").buildWithCallback(temperature -> temperature.record(4.5));

    Collection<MetricData> collected = metrics.collectAllMetrics();
    MetricData orders = metric(collected, "shop.orders");
    assertThat(orders.getUnit()).isEqualTo("{order}");
    LongPointData taken = orders.getLongSumData().getPoints().iterator().next();
    assertThat(taken.getValue()).isEqualTo(2);
    assertThat(taken.getAttributes().get(outcome)).isEqualTo("taken");
    assertThat(metric(collected, "shop.kg").getDoubleSumData().getPoints().iterator().next().getValue()).isEqualTo(2.5);
    assertThat(metric(collected, "shop.open").getLongSumData().getPoints().iterator().next().getValue()).isEqualTo(-1);
    assertThat(metric(collected, "shop.weight").getHistogramData().getPoints().iterator().next().getSum()).isEqualTo(3.5);
    assertThat(metric(collected, "shop.bunches").getHistogramData().getPoints().iterator().next().getSum()).isEqualTo(4);
    assertThat(metric(collected, "shop.queue").getLongGaugeData().getPoints().iterator().next().getValue()).isEqualTo(7);
    assertThat(metric(collected, "shop.temperature").getDoubleGaugeData().getPoints().iterator().next().getValue()).isEqualTo(4.5);
  }

  @Test
  void aClosedCallbackIsNoLongerCalled() {
    int[] calls = new int[1];
    ObservableLongGauge queue = application.getMeter("shop").gaugeBuilder("shop.queue").ofLongs().buildWithCallback(depth -> calls[0]++);
    metrics.collectAllMetrics();
    queue.close();
    metrics.collectAllMetrics();
    assertThat(calls[0]).isEqualTo(1);
  }

  private SpanData exported(String name) {
    return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
  }

  private static MetricData metric(Collection<MetricData> collected, String name) {
    return collected.stream().filter(metric -> metric.getName().equals(name)).findFirst().orElseThrow();
  }
}
