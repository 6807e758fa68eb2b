package io.malar.agent.core;

import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import io.malar.agent.core.config.Settings;
import io.malar.agent.core.instrument.InstrumentationModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The instrumentation modules packaged in the agent jar, found through ServiceLoader. */
final class InstrumentationModules {
  private InstrumentationModules() {}

  static List<InstrumentationModule> all() {
    List<InstrumentationModule> modules = new ArrayList<>();
    for (InstrumentationModule module :
        ServiceLoader.load(InstrumentationModule.class, InstrumentationModules.class.getClassLoader())) {
      modules.add(module);
    }
    modules.sort(Comparator.comparing(InstrumentationModule::name));
    return modules;
  }

  static Setting switchOf(InstrumentationModule module) {
    return Settings.instrumentationEnabled(module.name(), "Turns the " + module.name() + " instrumentation on or off.");
  }

  static List<InstrumentationModule> enabled(AgentConfig config) {
    List<InstrumentationModule> enabled = new ArrayList<>();
    for (InstrumentationModule module : all()) {
      if (config.bool(switchOf(module))) {
        enabled.add(module);
      }
    }
    return enabled;
  }
}
