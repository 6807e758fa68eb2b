package io.malar.agent.features.errors;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;

import io.malar.agent.core.errors.ErrorCategory;
import io.malar.agent.core.errors.FailedRequest;
import io.malar.agent.core.errors.RequestErrors;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;

/**
 * Counts a failed request in {@code malar.http.server.errors}. What counts: every request an
 * exception escaped from, every 5xx answer, and the 4xx answers that name one of the guide's
 * client-side categories (400 and 422: validation, 401: authentication, 403: authorization).
 * Other 4xx answers (404, 405, 409, 429...) are the application answering as designed and count
 * only as requests. The category also goes on the server span as {@code error.category}.
 */
final class ErrorCounter implements RequestErrors.Listener {
  static final AttributeKey<String> ERROR_CATEGORY = AttributeKey.stringKey("error.category");

  private final LongCounter errors;
  private final FailedCalls failedCalls;

  ErrorCounter(Meter meter, FailedCalls failedCalls) {
    this.errors =
        meter
            .counterBuilder("malar.http.server.errors")
            .setUnit("{error}")
            .setDescription("Requests that failed: an exception escaped, a 5xx answer, or a 400, 401, 403 or 422 answer")
            .build();
    this.failedCalls = failedCalls;
  }

  @Override
  public void requestFailed(Span serverSpan, FailedRequest request, int status, Throwable thrown) {
    if (!counts(status, thrown)) {
      return;
    }
    String category = ErrorCategory.of(thrown, status, failedCalls.of(serverSpan.getSpanContext()));
    serverSpan.setAttribute(ERROR_CATEGORY, category);
    AttributesBuilder attributes =
        Attributes.builder().put(HTTP_REQUEST_METHOD, request.method()).put(ERROR_CATEGORY, category);
    if (request.route() != null) {
      attributes.put(HTTP_ROUTE, request.route());
    }
    errors.add(1, attributes.build());
  }

  static boolean counts(int status, Throwable thrown) {
    return thrown != null || status >= 500 || status == 400 || status == 401 || status == 403 || status == 422;
  }
}
