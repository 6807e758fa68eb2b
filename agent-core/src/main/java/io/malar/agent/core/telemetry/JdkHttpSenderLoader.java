package io.malar.agent.core.telemetry;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.List;

/**
 * The SDK's components as its service files name them, except that OTLP over HTTP is sent by the
 * JDK's HttpClient: OkHttp (kept for gRPC, which the JDK sender does not speak) writes each export
 * through a per-thread encoder that keeps its last request alive, so every OkHttp thread held up
 * to a whole batch of span marshalers (about 0.7 MB for 2,048 spans) between exports. The JDK
 * sender serializes into one reused buffer per thread, and its classes come from the JDK, not
 * OkHttp's, Okio's and Kotlin's from the agent jar.
 */
final class JdkHttpSenderLoader implements ComponentLoader {
  private final ComponentLoader services;

  JdkHttpSenderLoader(ClassLoader loader) {
    this.services = ComponentLoader.forClassLoader(loader);
  }

  @Override
  public <T> Iterable<T> load(Class<T> type) {
    if (type != HttpSenderProvider.class) {
      return services.load(type);
    }
    HttpSenderProvider jdk = new JdkHttpSenderProvider();
    HttpSenderProvider deferred = config -> new FailureCauseSender(new DeferredHttpSender(() -> jdk.createSender(config)));
    return List.of(type.cast(deferred));
  }
}
