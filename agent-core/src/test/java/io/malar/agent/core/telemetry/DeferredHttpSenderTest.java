package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeferredHttpSenderTest {
  private final AtomicInteger made = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final List<Throwable> failures = new ArrayList<>();

  @Test
  void theSenderIsMadeAtTheFirstExportAndOnlyOnce() {
    DeferredHttpSender deferred = new DeferredHttpSender(this::countingSender);
    assertThat(made).hasValue(0);
    send(deferred);
    send(deferred);
    assertThat(made).hasValue(1);
    assertThat(sent).hasValue(2);
  }

  @Test
  void shuttingDownBeforeAnyExportMakesNoSender() {
    assertThat(new DeferredHttpSender(this::countingSender).shutdown().isSuccess()).isTrue();
    assertThat(made).hasValue(0);
  }

  @Test
  void aSenderThatCannotBeMadeFailsThatExportAndIsTriedAgainAtTheNext() {
    IllegalStateException broken = new IllegalStateException("no TLS provider");
    DeferredHttpSender deferred = new DeferredHttpSender(() -> {
      if (made.incrementAndGet() == 1) {
        throw broken;
      }
      return countingSender();
    });
    send(deferred);
    assertThat(failures).containsExactly(broken);
    send(deferred);
    assertThat(sent).hasValue(1);
  }

  private void send(HttpSender sender) {
    sender.send(null, response -> {}, failures::add);
  }

  private HttpSender countingSender() {
    made.incrementAndGet();
    return new HttpSender() {
      @Override
      public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        sent.incrementAndGet();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }
}
