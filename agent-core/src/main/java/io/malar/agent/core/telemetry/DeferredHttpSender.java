package io.malar.agent.core.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP sender made at its first export, not when the SDK is built: the JDK's HttpClient costs
 * some 200 ms of CPU to create (its classes, TLS defaults, a selector thread), which would
 * otherwise compete with the application's start-up; the first export comes after the
 * application has served its first requests.
 */
final class DeferredHttpSender implements HttpSender {
  private final Supplier<HttpSender> factory;
  private volatile HttpSender sender;

  DeferredHttpSender(Supplier<HttpSender> factory) {
    this.factory = factory;
  }

  @Override
  public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    HttpSender made;
    try {
      made = sender();
    } catch (RuntimeException e) { // the export fails and is counted; the next one tries again
      onError.accept(e);
      return;
    }
    made.send(message, onResponse, onError);
  }

  private HttpSender sender() {
    HttpSender made = sender;
    if (made == null) {
      synchronized (this) {
        made = sender;
        if (made == null) {
          made = factory.get();
          sender = made;
        }
      }
    }
    return made;
  }

  @Override
  public synchronized CompletableResultCode shutdown() {
    HttpSender made = sender;
    return made == null ? CompletableResultCode.ofSuccess() : made.shutdown();
  }
}
