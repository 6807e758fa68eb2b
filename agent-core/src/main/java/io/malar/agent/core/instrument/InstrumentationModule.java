package io.malar.agent.core.instrument;

import io.malar.agent.core.config.Setting;
import java.util.Collections;
import java.util.List;

/**
 * One instrumented library family. Modules are found with {@link java.util.ServiceLoader}: adding
 * a library means adding a module and nothing else.
 */
public interface InstrumentationModule {
  /** The module's key: {@code malar.agent.instrumentation.NAME.enabled} turns it off. */
  String name();

  /** One line for users: what it instruments and which versions. */
  String description();

  /** What to advise; called after {@link #install}, so the module's settings may add advice. */
  List<TypeInstrumentation> typeInstrumentations();

  /** Connects the module's hook to the bridge; called before any class is transformed. */
  void install(AgentContext context);

  /** The module's own settings besides its switch, listed by {@code java -jar malar-agent.jar}. */
  default List<Setting> settings() {
    return Collections.emptyList();
  }
}
