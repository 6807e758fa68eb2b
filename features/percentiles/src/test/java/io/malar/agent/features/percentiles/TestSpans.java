package io.malar.agent.features.percentiles;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;

/** Ends real SDK spans of a chosen duration through a tracer provider that runs the processor under test. */
final class TestSpans {
  private static final long START_NANOS = TimeUnit.SECONDS.toNanos(1_700_000_000L);

  private final Tracer tracer;

  TestSpans(LatencySpanProcessor processor) {
    tracer = SdkTracerProvider.builder().addSpanProcessor(processor).build().get("test");
  }

  void server(String method, String route, long status, long micros) {
    end(tracer.spanBuilder(method + " " + route).setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", method)
        .setAttribute("http.route", route)
        .setAttribute("http.response.status_code", status), micros);
  }

  void sql(String system, String operation, String table, String text, long micros) {
    end(sqlSpan(system, operation, table, text), micros);
  }

  void failedSql(String system, String operation, String table, String text, String errorType, long micros) {
    end(sqlSpan(system, operation, table, text).setAttribute("error.type", errorType), micros);
  }

  private SpanBuilder sqlSpan(String system, String operation, String table, String text) {
    return tracer.spanBuilder(operation + " " + table).setSpanKind(SpanKind.CLIENT)
        .setAttribute("db.system.name", system)
        .setAttribute("db.operation.name", operation)
        .setAttribute("db.collection.name", table)
        .setAttribute("db.query.text", text);
  }

  void redis(String command, String address, long micros) {
    end(tracer.spanBuilder(command).setSpanKind(SpanKind.CLIENT)
        .setAttribute("db.system.name", "redis")
        .setAttribute("db.operation.name", command)
        .setAttribute("server.address", address), micros);
  }

  private static void end(SpanBuilder builder, long micros) {
    builder.setStartTimestamp(START_NANOS, TimeUnit.NANOSECONDS).startSpan().end(START_NANOS + micros * 1000, TimeUnit.NANOSECONDS);
  }
}
