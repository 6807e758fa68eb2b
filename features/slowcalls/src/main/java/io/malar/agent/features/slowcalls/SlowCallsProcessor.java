package io.malar.agent.features.slowcalls;

import static io.opentelemetry.semconv.CodeAttributes.CODE_FILE_PATH;
import static io.opentelemetry.semconv.CodeAttributes.CODE_FUNCTION_NAME;
import static io.opentelemetry.semconv.CodeAttributes.CODE_LINE_NUMBER;
import static io.opentelemetry.semconv.DbAttributes.DB_OPERATION_NAME;
import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.binds.BindSource;
import io.malar.agent.core.binds.BindValues;
import io.malar.agent.core.binds.CallBinds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Finds slow JDBC calls, slow Redis commands, slow requests and N+1 statements in the spans the
 * instrumentations produce.
 *
 * <p>It works in {@link #onEnding}, which the SDK calls while the span can still be changed and on
 * the thread that ends it: for a client span, inside the instrumented call on the application's
 * thread, so the stack still shows the application frame that issued it. A fast call costs an
 * attribute read, a map lookup and a few additions; the stack is walked only when a threshold is
 * crossed. Server spans key the per-request counts, which their client children find through
 * their parent span id and which go when the server span ends.
 */
final class SlowCallsProcessor implements ExtendedSpanProcessor {
  static final String SLOW_QUERY = "slow_query";
  static final String SLOW_REDIS = "slow_redis";
  static final String N_PLUS_ONE = "n_plus_one";

  private static final String REDIS = "redis";
  private static final String DB_QUERY_PARAMETER = "db.query.parameter.";
  private static final AttributeKey<Long> THRESHOLD_MS = AttributeKey.longKey("threshold_ms");
  private static final AttributeKey<Long> COUNT = AttributeKey.longKey("count");
  private static final AttributeKey<Long> TOTAL_MS = AttributeKey.longKey("total_ms");

  private final Thresholds thresholds;
  private final CallSiteFinder callSites;
  private final SlowCallWarnings warnings;
  private final LongSupplier nanoClock;
  private final OpenRequests requests;
  private volatile SlowCallMetrics metrics = new SlowCallMetrics(MeterProvider.noop().get("noop"));

  SlowCallsProcessor(Thresholds thresholds, CallSiteFinder callSites, WarningSink sink, LongSupplier nanoClock) {
    this.thresholds = thresholds;
    this.callSites = callSites;
    this.warnings = new SlowCallWarnings(sink, thresholds, nanoClock);
    this.nanoClock = nanoClock;
    this.requests = new OpenRequests(nanoClock.getAsLong());
  }

  /** Counts into {@code meter} from now on; until the SDK exists, counts go nowhere. */
  void meter(Meter meter) {
    metrics = new SlowCallMetrics(meter);
  }

  /** How many requests are being tracked now. */
  int openRequests() {
    return requests.size();
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      if (span.getKind() == SpanKind.SERVER) {
        requests.opened(span, nanoClock.getAsLong());
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnding(ReadWriteSpan span) {
    try {
      SpanKind kind = span.getKind();
      if (kind == SpanKind.CLIENT) {
        clientEnding(span);
      } else if (kind == SpanKind.SERVER) {
        serverEnding(span);
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }

  @Override
  public boolean isOnEndingRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }

  private void clientEnding(ReadWriteSpan span) {
    String system = span.getAttribute(DB_SYSTEM_NAME);
    if (system == null) {
      return;
    }
    long nanos = span.getLatencyNanos();
    RequestStats request = requests.parentOf(span);
    if (system.equals(REDIS)) {
      if (request != null) {
        request.redisCommand(nanos);
      }
      String command = span.getAttribute(DB_OPERATION_NAME);
      if (nanos >= thresholds.slowRedisNanos() && !BlockingRedisCommands.waits(command)) {
        command = textOr(command, span);
        CodeLocation at = markSlow(span, SLOW_REDIS, thresholds.slowRedisNanos());
        metrics.slowCall(system, command);
        warnings.slowRedis(span, command, nanos, at, request);
      }
      return;
    }
    String statement = textOr(span.getAttribute(DB_QUERY_TEXT), span);
    if (request != null) {
      StatementRepeats repeated = request.jdbcCall(statement, system, nanos, thresholds.nPlusOneCount());
      if (repeated != null) {
        repeated.location(callSites.find());
      }
    }
    boolean slow = nanos >= thresholds.slowQueryNanos();
    // null unless binds are captured: then only a slow or failed call reads and shows them
    BindSource captured = CallBinds.ofCallInProgress();
    List<String> binds = captured != null && (slow || span.getAttribute(ERROR_TYPE) != null) ? attachBinds(span, captured) : null;
    if (slow) {
      CodeLocation at = markSlow(span, SLOW_QUERY, thresholds.slowQueryNanos());
      metrics.slowCall(system, statement);
      warnings.slowQuery(span, system, statement, nanos, at, request, binds);
    }
  }

  /** Puts the bind values on the span as they may be shown; returns them, or null when none were set. */
  private static List<String> attachBinds(ReadWriteSpan span, BindSource captured) {
    Object[] values = captured.bindsNow();
    if (values == null) {
      return null;
    }
    List<String> shown = BindValues.shown(values);
    for (int i = 0; i < shown.size(); i++) {
      span.setAttribute(AttributeKey.stringKey(DB_QUERY_PARAMETER + i), shown.get(i));
    }
    return shown;
  }

  private void serverEnding(ReadWriteSpan span) {
    RequestStats request = requests.closed(span);
    if (request != null) {
      List<StatementRepeats> repeated = request.repeatedAtLeast(thresholds.nPlusOneCount());
      for (int i = 0; i < repeated.size(); i++) {
        StatementRepeats repeats = repeated.get(i);
        span.addEvent(N_PLUS_ONE, nPlusOneEvent(repeats));
        metrics.nPlusOne(repeats.system(), repeats.statement(), span.getAttribute(HTTP_ROUTE));
        warnings.nPlusOne(span, repeats);
      }
    }
    long nanos = span.getLatencyNanos();
    if (nanos >= thresholds.slowRequestNanos()) {
      warnings.slowRequest(span, nanos, request);
    }
  }

  /** Puts the application frame on the span, with an event saying why; returns the frame. */
  private CodeLocation markSlow(ReadWriteSpan span, String event, long thresholdNanos) {
    CodeLocation at = callSites.find();
    if (at != null) {
      span.setAttribute(CODE_FUNCTION_NAME, at.functionName());
      String path = at.filePath();
      if (path != null) {
        span.setAttribute(CODE_FILE_PATH, path);
      }
      if (at.line() >= 0) {
        span.setAttribute(CODE_LINE_NUMBER, (long) at.line());
      }
    }
    span.addEvent(event, Attributes.of(THRESHOLD_MS, Thresholds.millis(thresholdNanos)));
    return at;
  }

  private static Attributes nPlusOneEvent(StatementRepeats repeats) {
    AttributesBuilder event =
        Attributes.builder()
            .put(DB_SYSTEM_NAME, repeats.system())
            .put(DB_QUERY_TEXT, repeats.statement())
            .put(COUNT, (long) repeats.count())
            .put(TOTAL_MS, Thresholds.millis(repeats.totalNanos()));
    CodeLocation at = repeats.location();
    if (at != null) {
      event.put(CODE_FUNCTION_NAME, at.functionName());
      if (at.filePath() != null) {
        event.put(CODE_FILE_PATH, at.filePath());
      }
      if (at.line() >= 0) {
        event.put(CODE_LINE_NUMBER, (long) at.line());
      }
    }
    return event.build();
  }

  private static String textOr(String text, ReadableSpan span) {
    return text != null ? text : span.getName();
  }
}
