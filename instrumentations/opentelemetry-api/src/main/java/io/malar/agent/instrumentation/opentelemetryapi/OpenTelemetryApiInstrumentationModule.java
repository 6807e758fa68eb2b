package io.malar.agent.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.OtelApiBridge;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The application's own OpenTelemetry API (1.x, whichever copy it brings) exports through the
 * agent: {@code GlobalOpenTelemetry} returns helpers that forward to the agent's tracers and meters,
 * and the API's context storage becomes a view of the agent's context, so the application's spans
 * and the agent's nest in one trace both ways.
 */
public final class OpenTelemetryApiInstrumentationModule implements InstrumentationModule {
  static final Setting ENABLED =
      Setting.flag(
          "malar.agent.opentelemetry-api.enabled",
          "true",
          "Exports the spans and metrics the application makes with its own OpenTelemetry API.");

  private static final String ADVICE = "io.malar.agent.instrumentation.opentelemetryapi.";
  private static final String GLOBAL = "io.opentelemetry.api.GlobalOpenTelemetry";
  private static final String STORAGE = "io.opentelemetry.context.ContextStorage";
  // the helpers implement the metrics API whose asynchronous instruments can be closed
  private static final String METRICS = "io.opentelemetry.api.metrics.ObservableLongGauge";

  private boolean enabled;

  @Override
  public String name() {
    return "opentelemetry-api";
  }

  @Override
  public String description() {
    return "the application's own OpenTelemetry API 1.x (GlobalOpenTelemetry): its spans, metrics and context bridged to the agent's";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    if (!enabled) {
      return Collections.emptyList();
    }
    return Arrays.asList(
        TypeInstrumentation.forNames(GLOBAL)
            .requiring(METRICS, STORAGE)
            .advise(isStatic().and(namedOneOf("get", "getOrNoop")).and(takesArguments(0)), ADVICE + "GlobalOpenTelemetryAdvice")
            .build(),
        TypeInstrumentation.forNames(STORAGE)
            .requiring(METRICS, GLOBAL)
            .advise(isStatic().and(named("get")).and(takesArguments(0)), ADVICE + "ContextStorageAdvice")
            .build());
  }

  @Override
  public List<Setting> settings() {
    return Collections.singletonList(ENABLED);
  }

  @Override
  public void install(AgentContext context) {
    enabled = context.config().bool(ENABLED);
    if (enabled) {
      OtelApiBridge.install(new ApplicationApis(new AgentOtelAccess(context.openTelemetry())));
    }
  }
}
