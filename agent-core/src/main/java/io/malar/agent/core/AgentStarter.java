package io.malar.agent.core;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.InvalidSetting;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.config.Settings;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.AgentFeatures;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.ModuleInstaller;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.telemetry.PendingTelemetry;
import io.malar.agent.core.telemetry.Telemetry;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the agent inside its own class loader; called once from premain.
 *
 * <p>Instrumentation is always installed before premain returns, so the application never runs a
 * call of an instrumented library untraced. The telemetry (the OpenTelemetry SDK, its exporters
 * and the features) is built by default on a thread of its own, started as premain returns, while
 * the application starts; a call that starts a span before it is ready waits for it (see {@link
 * PendingTelemetry}). With {@code malar.agent.startup=premain}, premain builds it first.
 */
public final class AgentStarter {
  /**
   * The longest a call waits for telemetry still being built at start-up: far beyond the 1 to 9 s
   * it took on an overloaded two-core machine, so only a telemetry that hangs (a host name lookup
   * that never answers, say) lets calls go untraced.
   */
  private static final long TELEMETRY_WAIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private AgentStarter() {}

  public static void start(Instrumentation instrumentation, String agentArgs, File agentJar, long premainStartNanos) {
    AgentConfig config = AgentConfig.load(AgentStarter::reportInvalid);
    String logFile = config.string(Settings.LOG_FILE);
    try {
      AgentLog.useFile(logFile);
    } catch (IOException | RuntimeException e) {
      reportInvalid(new InvalidSetting(Settings.LOG_FILE.key(), logFile, "a file the agent can append to (" + e + ")", "stderr"));
    }
    if (!config.bool(Settings.ENABLED)) {
      AgentLog.info("malar-agent is disabled; nothing is instrumented", "key", Settings.ENABLED.key());
      return;
    }
    AdviceErrors.setListener(new AdviceErrorLogger());
    boolean inBackground = config.choice(Settings.STARTUP).equals("background");
    StartupLine line = new StartupLine(agentJar, premainStartNanos, inBackground ? "background" : "premain");
    PendingTelemetry telemetry = new PendingTelemetry(premainStartNanos, TELEMETRY_WAIT_LIMIT_NANOS);
    Runnable build = () -> buildTelemetry(config, telemetry, line);
    if (!inBackground) {
      build.run();
    }
    installInstrumentation(instrumentation, config, telemetry, line);
    if (inBackground) {
      // started only now: building both at once made premain slower on two cores (RESULTS.md)
      Thread builder = new Thread(build, "malar-agent-telemetry");
      builder.setDaemon(true);
      builder.start();
    }
    line.premainReturns();
  }

  private static void buildTelemetry(AgentConfig config, PendingTelemetry pending, StartupLine line) {
    long startNanos = System.nanoTime();
    try {
      List<AgentFeature> features = AgentFeatures.all();
      // a bad value is reported even for a part that is off and never reads it
      for (Setting setting : DeclaredSettings.of(InstrumentationModules.all(), features)) {
        config.check(setting);
      }
      Telemetry telemetry = Telemetry.create(AgentVersion.VALUE, features, config);
      pending.ready(telemetry.sdk());
      line.telemetryReady(featureNames(features), telemetry.tracesEndpoint(), System.nanoTime() - startNanos);
    } catch (Throwable t) {
      pending.failed();
      AgentLog.error(
          "malar-agent could not set up its telemetry; the application runs untraced", "error", String.valueOf(t));
    }
  }

  private static void installInstrumentation(
      Instrumentation instrumentation, AgentConfig config, PendingTelemetry telemetry, StartupLine line) {
    long startNanos = System.nanoTime();
    AgentContext context = new AgentContext(telemetry.openTelemetry(), config, AgentVersion.VALUE);
    List<InstrumentationModule> modules = InstrumentationModules.enabled(config);
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      module.install(context);
      names.add(module.name());
    }
    ModuleInstaller.install(instrumentation, modules);
    line.instrumentationInstalled(names, System.nanoTime() - startNanos);
  }

  private static List<String> featureNames(List<AgentFeature> features) {
    List<String> names = new ArrayList<>();
    for (AgentFeature feature : features) {
      names.add(feature.name());
    }
    return names;
  }

  private static void reportInvalid(InvalidSetting problem) {
    AgentLog.warn(
        "invalid configuration value: " + problem,
        "key", problem.key(),
        "value", problem.value(),
        "expected", problem.expected(),
        "using_default", problem.defaultUsed());
  }
}
