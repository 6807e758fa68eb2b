package io.malar.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtlpReceiverTracesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Resource RESOURCE =
      Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start(0);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void receivesParentAndChildSpansFromTheSdkExporter(String compression) {
    try (SdkTracerProvider tracerProvider = tracerProvider(exporter().setCompression(compression))) {
      Tracer tracer = tracerProvider.get("io.malar.test");
      Span parent = tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "GET")
          .setAttribute("http.response.status_code", 200L)
          .startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system.name", "h2")
            .setAttribute("db.cached", true)
            .startSpan()
            .addEvent("rows fetched")
            .setStatus(StatusCode.ERROR)
            .end();
      }
      parent.end();
      assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    ReceivedSpan server = receiver.awaitSpansNamed("GET /orders", 1, TIMEOUT).get(0);
    ReceivedSpan client = receiver.awaitSpansNamed("SELECT orders", 1, TIMEOUT).get(0);

    assertThat(server.kind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(server.parentSpanIdHex()).isEmpty();
    assertThat(server.attribute("http.request.method")).isEqualTo("GET");
    assertThat(server.longAttribute("http.response.status_code")).isEqualTo(200L);
    assertThat(server.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(server.attribute("absent")).isNull();
    assertThat(server.resourceAttribute("service.name")).isEqualTo("checkout");
    assertThat(server.scopeName()).isEqualTo("io.malar.test");
    assertThat(server.durationNanos()).isPositive();
    assertThat(server.traceIdHex()).hasSize(32);
    assertThat(server.spanIdHex()).hasSize(16);

    assertThat(client.kind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(client.traceIdHex()).isEqualTo(server.traceIdHex());
    assertThat(client.parentSpanIdHex()).isEqualTo(server.spanIdHex());
    assertThat(client.attribute("db.system.name")).isEqualTo("h2");
    assertThat(client.attribute("db.cached")).isEqualTo("true");
    assertThat(client.longAttribute("db.system.name")).isNull();
    assertThat(client.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(client.events()).extracting(event -> event.getName()).containsExactly("rows fetched");

    assertThat(receiver.spans()).hasSize(2);
    assertThat(receiver.requestCount()).isEqualTo(2);
  }

  @Test
  void simulatedUnavailableCollectorFailsExportsWithoutStoringThem() {
    List<SpanData> spans = endedSpans("refused");
    try (OtlpHttpSpanExporter exporter = exporter().setRetryPolicy(null).build()) {
      receiver.respondWith(503);
      assertThat(exporter.export(spans).join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
      assertThat(receiver.spans()).isEmpty();
      assertThat(receiver.requestCount()).isEqualTo(1);

      receiver.respondNormally();
      CompletableResultCode result = exporter.export(spans).join(10, TimeUnit.SECONDS);
      assertThat(result.isSuccess()).isTrue();
      assertThat(receiver.spans()).extracting(ReceivedSpan::name).containsExactly("refused");
      assertThat(receiver.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void awaitSpansTimeoutNamesTheExpectationAndEverySpanReceived() {
    export(endedSpans("first"));
    export(endedSpans("second"));

    assertThatThrownBy(() -> receiver.awaitSpansNamed("missing", 1, Duration.ofMillis(100)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spans named 'missing'")
        .hasMessageContaining("[first, second]");
    assertThatThrownBy(() -> receiver.awaitSpans(span -> span.name().startsWith("f"), 2, Duration.ofMillis(100)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected at least 2 matching spans")
        .hasMessageContaining("but 1 arrived")
        .hasMessageContaining("[first, second]");
  }

  @Test
  void awaitSpansReturnsOnceLateSpansArrive() {
    List<SpanData> late = endedSpans("late");
    CompletableFuture<Void> delayedExport = CompletableFuture.runAsync(
        () -> export(late), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    assertThat(receiver.awaitSpansNamed("late", 1, TIMEOUT)).hasSize(1);
    delayedExport.join();
  }

  @Test
  void clearForgetsEverything() {
    export(endedSpans("forgotten"));

    receiver.clear();

    assertThat(receiver.spans()).isEmpty();
    assertThat(receiver.traceRequests()).isEmpty();
    assertThat(receiver.requestCount()).isZero();
    assertThat(receiver.allReceivedText()).isEmpty();
  }

  @Test
  void allReceivedTextShowsEveryExportedValueReadably() {
    try (SdkTracerProvider tracerProvider = tracerProvider(exporter())) {
      tracerProvider.get("io.malar.test").spanBuilder("login")
          .setAttribute("user.name", "Jürgen")
          .startSpan()
          .end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    assertThat(receiver.allReceivedText())
        .contains("login", "Jürgen", "checkout")
        .doesNotContain("s3cr3t");
  }

  @Test
  void allReceivedTextHasAttributeValuesButNoTimestampsOrIds() {
    long start = 1_764_869_876_527_000_000L;
    try (SdkTracerProvider tracerProvider = tracerProvider(exporter())) {
      Span span = tracerProvider.get("io.malar.test").spanBuilder("lookup")
          .setStartTimestamp(start, TimeUnit.NANOSECONDS)
          .setAttribute("farmer.count", 4242L)
          .setAttribute("cache.hit", true)
          .startSpan();
      span.setStatus(StatusCode.ERROR, "timed out");
      span.end(start + 31_337_000L, TimeUnit.NANOSECONDS);
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    ReceivedSpan received = receiver.awaitSpansNamed("lookup", 1, TIMEOUT).get(0);
    assertThat(receiver.allReceivedText())
        .contains("lookup", "farmer.count", "4242", "true", "timed out", "checkout")
        .doesNotContain("869876527", "876558337", received.traceIdHex().substring(0, 12));
  }

  @Test
  void spanTreePrinterRendersReceivedTrace() {
    try (SdkTracerProvider tracerProvider = tracerProvider(exporter())) {
      Tracer tracer = tracerProvider.get("io.malar.test");
      Span parent = tracer.spanBuilder("GET /").setSpanKind(SpanKind.SERVER).startSpan();
      tracer.spanBuilder("query").setParent(Context.current().with(parent)).startSpan().end();
      parent.end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    assertThat(SpanTreePrinter.render(receiver.awaitSpans(span -> true, 2, TIMEOUT)))
        .matches("GET / \\[SERVER\\] \\d+\\.\\d ms\n  query \\[INTERNAL\\] \\d+\\.\\d ms\n");
  }

  private OtlpHttpSpanExporterBuilder exporter() {
    return OtlpHttpSpanExporter.builder().setEndpoint(receiver.endpoint() + "/v1/traces");
  }

  private static SdkTracerProvider tracerProvider(OtlpHttpSpanExporterBuilder exporter) {
    return SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(RESOURCE))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter.build()))
        .build();
  }

  private void export(List<SpanData> spans) {
    try (OtlpHttpSpanExporter exporter = exporter().build()) {
      assertThat(exporter.export(spans).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
  }

  /** Spans as the SDK hands them to exporters, so a test can call an exporter directly and see its result. */
  private static List<SpanData> endedSpans(String name) {
    List<SpanData> ended = new CopyOnWriteArrayList<>();
    SpanProcessor collector = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder().setResource(RESOURCE).addSpanProcessor(collector).build()) {
      tracerProvider.get("io.malar.test").spanBuilder(name).startSpan().end();
    }
    return ended;
  }
}
