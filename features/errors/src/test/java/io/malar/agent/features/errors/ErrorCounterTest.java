package io.malar.agent.features.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.core.errors.TestRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorCounterTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
  private final FailedCalls failedCalls = new FailedCalls();
  private final SdkTracerProvider tracers = SdkTracerProvider.builder().addSpanProcessor(failedCalls).build();
  private final Tracer tracer = tracers.get("test");
  private ErrorCounter counter;

  @BeforeEach
  void createCounter() {
    counter = new ErrorCounter(meters.get("test"), failedCalls);
  }

  @AfterEach
  void close() {
    tracers.close();
    meters.close();
  }

  @Test
  void countsEscapedExceptionsServerErrorsAndTheGuidesClientErrorsByCategory() {
    fail("/farmers/*", 500, new IllegalStateException("lookup", new SQLException("bad column")), null);
    fail("/farmers/*", 500, new IllegalStateException("balance"), null);
    fail("/farmers/*", 400, null, null);
    fail("/login", 401, null, null);
    fail("/admin", 403, null, null);
    fail("/farmers/*", 422, null, null);
    fail("/settlements/*", 409, null, null);
    fail("/farmers/*", 404, null, null);
    fail("/cache", 503, null, "redis.clients.jedis.exceptions.JedisConnectionException");
    fail("/cache", 502, null, "redis.clients.jedis.exceptions.JedisDataException");

    assertThat(countsByRouteAndCategory())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "GET /farmers/* database", 1L,
                "GET /farmers/* business_logic", 1L,
                "GET /farmers/* validation", 2L,
                "GET /login authentication", 1L,
                "GET /admin authorization", 1L,
                "GET /cache network", 1L,
                "GET /cache external_service", 1L));
    assertThat(failedCalls.openRequests()).isZero();
  }

  @Test
  void theCategoryGoesOnTheServerSpan() {
    Span server = tracer.spanBuilder("GET /farmers/*").setSpanKind(SpanKind.SERVER).startSpan();
    counter.requestFailed(server, new TestRequest("/farmers/*"), 500, new IllegalStateException(new SQLException("bad")));
    assertThat(((ReadableSpan) server).getAttribute(ErrorCounter.ERROR_CATEGORY)).isEqualTo("database");
    server.end();
  }

  /** A request that made one Redis call (failing with {@code failedCallError}, if not null) and then failed. */
  private void fail(String route, int status, Throwable thrown, String failedCallError) {
    Span server = tracer.spanBuilder("GET " + route).setSpanKind(SpanKind.SERVER).startSpan();
    Span call =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(server))
            .setAttribute("db.system.name", "redis")
            .startSpan();
    if (failedCallError != null) {
      call.setAttribute("error.type", failedCallError);
    }
    call.end();
    counter.requestFailed(server, new TestRequest(route), status, thrown);
    server.end();
  }

  private Map<String, Long> countsByRouteAndCategory() {
    Map<String, Long> counts = new TreeMap<>();
    for (MetricData metric : reader.collectAllMetrics()) {
      assertThat(metric.getName()).isEqualTo("malar.http.server.errors");
      assertThat(metric.getUnit()).isEqualTo("{error}");
      for (LongPointData point : metric.getLongSumData().getPoints()) {
        counts.put(
            point.getAttributes().get(AttributeKey.stringKey("http.request.method")) + " "
                + point.getAttributes().get(AttributeKey.stringKey("http.route")) + " "
                + point.getAttributes().get(AttributeKey.stringKey("error.category")),
            point.getValue());
      }
    }
    return counts;
  }
}
