package io.malar.agent.core;

import io.malar.agent.core.config.Setting;
import io.malar.agent.core.config.Settings;
import io.malar.agent.core.feature.AgentFeature;
import io.malar.agent.core.instrument.InstrumentationModule;
import java.util.ArrayList;
import java.util.List;

/** Every setting the agent declares: its own, one switch per instrumentation and its own settings, and each feature's. */
final class DeclaredSettings {
  private DeclaredSettings() {}

  static List<Setting> of(List<InstrumentationModule> modules, List<AgentFeature> features) {
    List<Setting> settings = new ArrayList<>(Settings.all());
    for (InstrumentationModule module : modules) {
      settings.add(InstrumentationModules.switchOf(module));
      settings.addAll(module.settings());
    }
    for (AgentFeature feature : features) {
      settings.addAll(feature.settings());
    }
    return settings;
  }
}
