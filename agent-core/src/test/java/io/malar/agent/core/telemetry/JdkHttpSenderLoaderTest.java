package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSenderProvider;
import io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.ServiceLoader;
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
}
