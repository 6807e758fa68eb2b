package io.malar.agent.core.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * An HTTP sender whose failures name their cause: the JDK sender reports a refused connection or
 * a timeout wrapped in {@link CompletionException} and {@link UncheckedIOException}, and the SDK
 * takes the failure's class as {@code error.type} of its export metrics and writes it in its
 * warning, where {@code java.net.ConnectException} tells the user what happened.
 */
final class FailureCauseSender implements HttpSender {
  private final HttpSender sender;

  FailureCauseSender(HttpSender sender) {
    this.sender = sender;
  }

  @Override
  public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    sender.send(message, onResponse, failure -> onError.accept(causeOf(failure)));
  }

  static Throwable causeOf(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public CompletableResultCode shutdown() {
    return sender.shutdown();
  }
}
