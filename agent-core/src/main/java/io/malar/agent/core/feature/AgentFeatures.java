package io.malar.agent.core.feature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The features packaged in the agent jar. */
public final class AgentFeatures {
  private AgentFeatures() {}

  public static List<AgentFeature> all() {
    List<AgentFeature> features = new ArrayList<>();
    for (AgentFeature feature : ServiceLoader.load(AgentFeature.class, AgentFeatures.class.getClassLoader())) {
      features.add(feature);
    }
    features.sort(Comparator.comparing(AgentFeature::name));
    return features;
  }
}
