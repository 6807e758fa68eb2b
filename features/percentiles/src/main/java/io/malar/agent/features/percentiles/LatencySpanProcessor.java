package io.malar.agent.features.percentiles;

import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;

import io.malar.agent.bridge.AdviceErrors;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Arrays;
import java.util.List;

/**
 * Records every finished server span and database client span, on the thread that ends it: a
 * lookup in nested maps and a lock-free histogram record, nothing allocated once a key exists.
 */
final class LatencySpanProcessor implements SpanProcessor {
  private final ServerKeys server;
  private final SqlKeys sql;
  private final RedisKeys redis;
  private volatile SemconvHistograms semconv;

  LatencySpanProcessor(int maxKeysPerFamily) {
    this.server = new ServerKeys(maxKeysPerFamily);
    this.sql = new SqlKeys(maxKeysPerFamily);
    this.redis = new RedisKeys(maxKeysPerFamily);
  }

  List<KeyFamily> families() {
    return Arrays.asList(server.family(), sql.family(), redis.family());
  }

  SqlKeys sql() {
    return sql;
  }

  /** Once the SDK exists, durations also go to the semantic-convention histograms. */
  void recordSemconvInto(SemconvHistograms histograms) {
    this.semconv = histograms;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    try {
      SpanKind kind = span.getKind();
      Recording recording;
      if (kind == SpanKind.SERVER) {
        recording = server.find(span);
      } else if (kind == SpanKind.CLIENT) {
        String system = span.getAttribute(DB_SYSTEM_NAME);
        if (system == null) {
          return;
        }
        recording = system.equals("redis") ? redis.find(span) : sql.find(span, system);
      } else {
        return;
      }
      long nanos = span.getLatencyNanos();
      recording.key().record(nanos / 1000);
      SemconvHistograms histograms = semconv;
      if (histograms != null) {
        histograms.record(kind, nanos, recording.semconv(span));
      }
    } catch (Throwable t) {
      AdviceErrors.record(t); // counted and logged like every error the agent suppresses
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
