package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSenderProvider;
import io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class JdkHttpSenderLoaderTest {
  private final JdkHttpSenderLoader loader = new JdkHttpSenderLoader(getClass().getClassLoader());

  @Test
  void otlpOverHttpHasOneSenderAlthoughOkHttpsIsOnTheClassPath() {
    assertThat(ServiceLoader.load(HttpSenderProvider.class, getClass().getClassLoader()).stream())
        .anyMatch(provider -> provider.type() == OkHttpHttpSenderProvider.class);
    assertThat(loader.load(HttpSenderProvider.class)).singleElement()
        .isNotInstanceOf(OkHttpHttpSenderProvider.class);
  }

  @Test
  void grpcKeepsOkHttpTheOnlySenderThatSpeaksIt() {
    assertThat(loader.load(GrpcSenderProvider.class)).singleElement().isInstanceOf(OkHttpGrpcSenderProvider.class);
  }

  @Test
  void aFailureIsReportedAsItsCauseNotAsTheFutureThatCarriedIt() {
    ConnectException refused = new ConnectException("Connection refused");
    assertThat(FailureCauseSender.causeOf(new CompletionException(new UncheckedIOException(refused)))).isSameAs(refused);
    IOException alone = new IOException("closed");
    assertThat(FailureCauseSender.causeOf(alone)).isSameAs(alone);
    CompletionException withoutCause = new CompletionException("no cause", null);
    assertThat(FailureCauseSender.causeOf(withoutCause)).isSameAs(withoutCause);
  }
}
