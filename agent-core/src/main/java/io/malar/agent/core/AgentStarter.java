package io.malar.agent.core;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.InvalidSetting;
import io.malar.agent.core.config.Settings;
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
 * <p>premain only reads the configuration and starts a thread: the SDK and the instrumentation
 * (about 1,500 classes of OpenTelemetry and Byte Buddy to load) are set up on that thread while
 * the application starts on the others. The transformer is registered before the classes already
 * loaded are retransformed, so no class escapes instrumentation, whichever thread loads it first.
 */
public final class AgentStarter {
  private AgentStarter() {}

  public static void start(Instrumentation instrumentation, String agentArgs, File agentJar, long premainStartNanos) {
    AgentConfig config = AgentConfig.load(AgentStarter::reportInvalid);
    if (!config.bool(Settings.ENABLED)) {
      AgentLog.info("malar-agent is disabled; nothing is instrumented", "key", Settings.ENABLED.key());
      return;
    }
    AdviceErrors.setListener(new AdviceErrorLogger());
    long premainNanos = System.nanoTime() - premainStartNanos;
    Thread init =
        new Thread(
            () -> initialize(instrumentation, config, agentJar, premainStartNanos, premainNanos),
            "malar-agent-init");
    init.setDaemon(true);
    init.start();
  }

  private static void initialize(
      Instrumentation instrumentation, AgentConfig config, File agentJar, long premainStartNanos, long premainNanos) {
    Telemetry telemetry = Telemetry.create(AgentVersion.VALUE);
    AgentContext context = new AgentContext(telemetry.sdk(), config, AgentVersion.VALUE);
    List<InstrumentationModule> modules = InstrumentationModules.enabled(config);
    List<String> names = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      module.install(context);
      names.add(module.name());
    }
    ModuleInstaller.install(instrumentation, modules);
    AgentLog.info(
        "malar-agent started",
        "version", AgentVersion.VALUE,
        "instrumentations", names,
        "traces_exporter", telemetry.tracesEndpoint(),
        "agent_jar", agentJar.getPath(),
        "premain_ms", TimeUnit.NANOSECONDS.toMillis(premainNanos),
        "ready_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - premainStartNanos));
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
