package io.malar.agent.core;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.InvalidSetting;
import io.malar.agent.core.config.Settings;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.feature.AgentFeatures;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.ModuleInstaller;
import io.malar.agent.core.log.AgentLog;
import io.malar.agent.core.telemetry.Telemetry;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the agent inside its own class loader; called once from premain.
 *
 * <p>By default premain only reads the configuration and starts a thread: the SDK and the
 * instrumentation (about 1,500 classes of OpenTelemetry and Byte Buddy to load) are set up on that
 * thread while the application starts on the others. The transformer is registered before the
 * classes already loaded are retransformed, so no class escapes instrumentation, whichever thread
 * loads it first; only calls made before it is registered go untraced.
 */
public final class AgentStarter {
  private AgentStarter() {}

  public static void start(Instrumentation instrumentation, String agentArgs, File agentJar, long premainStartNanos) {
    AgentConfig config = AgentConfig.load(AgentStarter::reportInvalid);
    AgentLog.useFile(config.string(Settings.LOG_FILE));
    if (!config.bool(Settings.ENABLED)) {
      AgentLog.info("malar-agent is disabled; nothing is instrumented", "key", Settings.ENABLED.key());
      return;
    }
    AdviceErrors.setListener(new AdviceErrorLogger());
    boolean inBackground = config.choice(Settings.STARTUP, "background", "premain").equals("background");
    long premainNanos = System.nanoTime() - premainStartNanos;
    if (inBackground) {
      Thread init =
          new Thread(
              () -> initialize(instrumentation, config, agentJar, premainStartNanos, premainNanos),
              "malar-agent-init");
      init.setDaemon(true);
      init.start();
    } else {
      initialize(instrumentation, config, agentJar, premainStartNanos, -1);
    }
  }

  /** @param premainNanos how long premain took, or -1 when premain is still running */
  private static void initialize(
      Instrumentation instrumentation, AgentConfig config, File agentJar, long premainStartNanos, long premainNanos) {
    try {
      install(instrumentation, config, agentJar, premainStartNanos, premainNanos);
    } catch (Throwable t) {
      AgentLog.error("malar-agent failed to start; the application runs without it", "error", String.valueOf(t));
    }
  }

  private static void install(
      Instrumentation instrumentation, AgentConfig config, File agentJar, long premainStartNanos, long premainNanos) {
    List<AgentFeature> features = AgentFeatures.all();
    Telemetry telemetry = Telemetry.create(AgentVersion.VALUE, features, config);
    AgentContext context = new AgentContext(telemetry.sdk(), config, AgentVersion.VALUE);
    List<InstrumentationModule> modules = InstrumentationModules.enabled(config);
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      module.install(context);
      names.add(module.name());
    }
    ModuleInstaller.install(instrumentation, modules);
    long readyNanos = System.nanoTime() - premainStartNanos;
    AgentLog.info(
        "malar-agent started",
        "version", AgentVersion.VALUE,
        "instrumentations", names,
        "features", featureNames(features),
        "traces_exporter", telemetry.tracesEndpoint(),
        "agent_jar", agentJar.getPath(),
        "startup", premainNanos < 0 ? "premain" : "background",
        "premain_ms", TimeUnit.NANOSECONDS.toMillis(premainNanos < 0 ? readyNanos : premainNanos),
        "ready_ms", TimeUnit.NANOSECONDS.toMillis(readyNanos));
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
