package io.malar.agent.core.feature;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.function.Supplier;

/**
 * A feature's span processor whose errors stay inside: the SDK calls its processors one after the
 * other without catching, so an error would skip the features after it and reach the hook that
 * started or ended the span. Here it is counted in {@link FeatureFailures} instead. A processor
 * that works while the span ends (slow calls rename and annotate it there) keeps that call.
 */
final class GuardedSpanProcessor implements ExtendedSpanProcessor {
  private final String feature;
  private final SpanProcessor delegate;
  private final ExtendedSpanProcessor whileEnding;
  private final boolean startRequired;
  private final boolean endRequired;

  GuardedSpanProcessor(String feature, SpanProcessor delegate) {
    this.feature = feature;
    this.delegate = delegate;
    this.startRequired = delegate.isStartRequired();
    this.endRequired = delegate.isEndRequired();
    this.whileEnding =
        delegate instanceof ExtendedSpanProcessor && ((ExtendedSpanProcessor) delegate).isOnEndingRequired()
            ? (ExtendedSpanProcessor) delegate
            : null;
  }

  @Override
  public void onEnding(ReadWriteSpan span) {
    try {
      whileEnding.onEnding(span);
    } catch (Throwable t) {
      FeatureFailures.record(feature, t);
    }
  }

  @Override
  public boolean isOnEndingRequired() {
    return whileEnding != null;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      delegate.onStart(parentContext, span);
    } catch (Throwable t) {
      FeatureFailures.record(feature, t);
    }
  }

  @Override
  public boolean isStartRequired() {
    return startRequired;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    try {
      delegate.onEnd(span);
    } catch (Throwable t) {
      FeatureFailures.record(feature, t);
    }
  }

  @Override
  public boolean isEndRequired() {
    return endRequired;
  }

  @Override
  public CompletableResultCode shutdown() {
    return guarded(delegate::shutdown);
  }

  @Override
  public CompletableResultCode forceFlush() {
    return guarded(delegate::forceFlush);
  }

  private CompletableResultCode guarded(Supplier<CompletableResultCode> operation) {
    try {
      return operation.get();
    } catch (Throwable t) {
      FeatureFailures.record(feature, t);
      return CompletableResultCode.ofFailure();
    }
  }
}
