package io.malar.agent.features.slowcalls;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Writes the warning lines, each rate-limited per fingerprint: the statement for queries and N+1,
 * the command for Redis, the method and route for requests.
 */
final class SlowCallWarnings {

  private final WarningSink sink;
  private final Thresholds thresholds;
  private final WarningRateLimiter queries;
  private final WarningRateLimiter redisCommands;
  private final WarningRateLimiter nPlusOne;
  private final WarningRateLimiter requests;

  SlowCallWarnings(WarningSink sink, Thresholds thresholds, LongSupplier nanoClock) {
    this.sink = sink;
    this.thresholds = thresholds;
    long interval = thresholds.warningIntervalNanos();
    queries = new WarningRateLimiter(interval, nanoClock);
    redisCommands = new WarningRateLimiter(interval, nanoClock);
    nPlusOne = new WarningRateLimiter(interval, nanoClock);
    requests = new WarningRateLimiter(interval, nanoClock);
  }

  /** @param binds the call's redacted bind values, or null when they were not captured */
  void slowQuery(
      ReadableSpan span, String system, String statement, long nanos, CodeLocation at, RequestStats request, List<String> binds) {
    slowCall(SlowCallsProcessor.SLOW_QUERY, "statement", queries, thresholds.slowQueryNanos(), span, system, statement, nanos, at, request, binds);
  }

  void slowRedis(ReadableSpan span, String command, long nanos, CodeLocation at, RequestStats request) {
    slowCall(SlowCallsProcessor.SLOW_REDIS, "command", redisCommands, thresholds.slowRedisNanos(), span, "redis", command, nanos, at, request, null);
  }

  private void slowCall(
      String type,
      String textField,
      WarningRateLimiter limiter,
      long thresholdNanos,
      ReadableSpan span,
      String system,
      String text,
      long nanos,
      CodeLocation at,
      RequestStats request,
      List<String> binds) {
    long suppressed = limiter.acquire(text);
    if (suppressed == WarningRateLimiter.SUPPRESSED) {
      return;
    }
    ReadableSpan server = request == null ? null : request.serverSpan();
    sink.warn(
        type + ": " + Thresholds.millis(nanos) + " ms (threshold " + Thresholds.millis(thresholdNanos) + " ms): "
            + text + where(at),
        "type", type,
        "duration_ms", Thresholds.millis(nanos),
        "threshold_ms", Thresholds.millis(thresholdNanos),
        "db.system.name", system,
        textField, text,
        "trace_id", span.getSpanContext().getTraceId(),
        "span_id", span.getSpanContext().getSpanId(),
        "method", attribute(server, HTTP_REQUEST_METHOD),
        "route", attribute(server, HTTP_ROUTE),
        "path", attribute(server, URL_PATH),
        "frame", at == null ? null : at.toString(),
        "binds", binds,
        "suppressed", suppressed);
  }

  void nPlusOne(ReadableSpan server, StatementRepeats repeats) {
    long suppressed = nPlusOne.acquire(repeats.statement());
    if (suppressed == WarningRateLimiter.SUPPRESSED) {
      return;
    }
    CodeLocation at = repeats.location();
    sink.warn(
        "n_plus_one: " + repeats.count() + " executions in one request (" + Thresholds.millis(repeats.totalNanos())
            + " ms): " + repeats.statement() + where(at),
        "type", "n_plus_one",
        "count", repeats.count(),
        "threshold", thresholds.nPlusOneCount(),
        "total_ms", Thresholds.millis(repeats.totalNanos()),
        "db.system.name", repeats.system(),
        "statement", repeats.statement(),
        "trace_id", server.getSpanContext().getTraceId(),
        "span_id", server.getSpanContext().getSpanId(),
        "method", server.getAttribute(HTTP_REQUEST_METHOD),
        "route", server.getAttribute(HTTP_ROUTE),
        "path", server.getAttribute(URL_PATH),
        "frame", at == null ? null : at.toString(),
        "suppressed", suppressed);
  }

  /** @param request what the request did, or null when it was not tracked */
  void slowRequest(ReadableSpan server, long nanos, RequestStats request) {
    String method = server.getAttribute(HTTP_REQUEST_METHOD);
    String route = server.getAttribute(HTTP_ROUTE);
    String path = server.getAttribute(URL_PATH);
    String target = route != null ? route : path;
    long suppressed = requests.acquire(method + ' ' + target);
    if (suppressed == WarningRateLimiter.SUPPRESSED) {
      return;
    }
    long thresholdNanos = thresholds.slowRequestNanos();
    Integer jdbcCalls = request == null ? null : request.jdbcCalls();
    Long jdbcMillis = request == null ? null : Thresholds.millis(request.jdbcNanos());
    Integer redisCommands = request == null ? null : request.redisCommands();
    Long redisMillis = request == null ? null : Thresholds.millis(request.redisNanos());
    sink.warn(
        "slow_request: " + method + ' ' + target + " took " + Thresholds.millis(nanos) + " ms (threshold "
            + Thresholds.millis(thresholdNanos) + " ms)"
            + (request == null
                ? ""
                : ": " + jdbcCalls + " JDBC calls (" + jdbcMillis + " ms), " + redisCommands + " Redis commands ("
                    + redisMillis + " ms)"),
        "type", "slow_request",
        "duration_ms", Thresholds.millis(nanos),
        "threshold_ms", Thresholds.millis(thresholdNanos),
        "method", method,
        "route", route,
        "path", path,
        "status", server.getAttribute(HTTP_RESPONSE_STATUS_CODE),
        "trace_id", server.getSpanContext().getTraceId(),
        "span_id", server.getSpanContext().getSpanId(),
        "jdbc_calls", jdbcCalls,
        "jdbc_ms", jdbcMillis,
        "redis_commands", redisCommands,
        "redis_ms", redisMillis,
        "suppressed", suppressed);
  }

  private static String where(CodeLocation at) {
    return at == null ? "" : " at " + at;
  }

  private static <T> T attribute(ReadableSpan span, AttributeKey<T> key) {
    return span == null ? null : span.getAttribute(key);
  }
}
