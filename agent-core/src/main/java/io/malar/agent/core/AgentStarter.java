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
 * <p>Premain registers the instrumentation's transformers before it returns, knowing only the
 * names of the classes they select, so the application never loads an instrumented class
 * uninstrumented. The rest is built by default on a thread of its own while the application
 * starts: first Byte Buddy's transformers (a selected class loaded earlier waits for them, see
 * {@link ModuleInstaller}), then the telemetry (the OpenTelemetry SDK, its exporters and the
 * features; a call that starts a span earlier waits for it, see {@link PendingTelemetry}). With
 * {@code malar.agent.startup=premain}, premain builds both before it returns.
 */
public final class AgentStarter {
  /**
   * The longest a class waits for the instrumentation, and a call for the telemetry, still being
   * built at start-up (counted from premain's start): far beyond the 1 to 9 s it took on an
   * overloaded two-core machine, so only a start that hangs (a host name lookup that never answers,
   * say) lets classes load uninstrumented or calls go untraced.
   */
  private static final long START_WAIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

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
    PendingTelemetry telemetry = new PendingTelemetry(premainStartNanos, START_WAIT_LIMIT_NANOS);
    long registeringNanos = System.nanoTime();
    List<String> names = new ArrayList<>();
    ModuleInstaller installer = registerInstrumentation(instrumentation, config, telemetry, premainStartNanos, names);
    long registeredNanos = System.nanoTime() - registeringNanos;
    // the instrumentation is complete before the telemetry is ready, so no span starts without it
    Runnable completeStart =
        () -> {
          long completingNanos = System.nanoTime();
          installer.complete();
          line.instrumentationInstalled(names, registeredNanos + System.nanoTime() - completingNanos);
          buildTelemetry(config, telemetry, line);
        };
    if (inBackground) {
      Thread starter = new Thread(completeStart, "malar-agent-start");
      starter.setDaemon(true);
      starter.start();
    } else {
      completeStart.run();
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
      line.telemetryReady(
          featureNames(features), telemetry.tracesEndpoint(), System.nanoTime() - startNanos, pending.firstCallWaitedNanos());
    } catch (Throwable t) {
      pending.failed();
      AgentLog.error(
          "malar-agent could not set up its telemetry; the application runs untraced", "error", String.valueOf(t));
    }
  }

  /** Installs the modules' hooks and registers their transformers; names the modules in {@code names}. */
  private static ModuleInstaller registerInstrumentation(
      Instrumentation instrumentation,
      AgentConfig config,
      PendingTelemetry telemetry,
      long premainStartNanos,
      List<String> names) {
    AgentContext context = new AgentContext(telemetry.openTelemetry(), config, AgentVersion.VALUE);
    List<InstrumentationModule> modules = InstrumentationModules.enabled(config);
    for (InstrumentationModule module : modules) {
      module.install(context);
      names.add(module.name());
    }
    return ModuleInstaller.register(instrumentation, modules, premainStartNanos + START_WAIT_LIMIT_NANOS);
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
