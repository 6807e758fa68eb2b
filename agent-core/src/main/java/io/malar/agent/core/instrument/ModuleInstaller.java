package io.malar.agent.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaModule;

/** Installs the enabled modules' advice: one Byte Buddy agent builder for libraries, one for the JDK. */
public final class ModuleInstaller {
  private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

  private ModuleInstaller() {}

  public static void install(Instrumentation instrumentation, List<InstrumentationModule> modules) {
    AgentBuilder libraries =
        configured(
                AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE,
                // classes already loaded are described from the loaded class: premain finds only the
                // JDK's and the agent's, which are then matched without reading ~2,000 class files
                AgentBuilder.DescriptionStrategy.Default.HYBRID)
            // the application's classes never live in the bootstrap or platform loader, nor in ours
            .ignore(any(), isBootstrapClassLoader().or(is(ClassLoader.getPlatformClassLoader())).or(is(ModuleInstaller.class.getClassLoader())))
            .or(IgnoredTypes.matcher());
    // JDK classes are named one by one by their instrumentations: only those are retransformed,
    // and their module must read the bridge's
    Set<String> jdkClassNames = new HashSet<>();
    AgentBuilder jdk =
        configured(
                new LoadedJdkClasses(jdkClassNames),
                // described from their class files: described from the loaded classes, the advice on
                // ThreadPoolExecutor did not take and its tasks ran without their context
                AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
            .ignore(any(), not(isBootstrapClassLoader()))
            .assureReadEdgeTo(instrumentation, AdviceErrors.class);
    Advice.ExceptionHandler reportSuppressed = adviceErrorHandler();
    ClassLoader agentLoader = ModuleInstaller.class.getClassLoader();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        AgentBuilder.Transformer.ForAdvice advice =
            new AgentBuilder.Transformer.ForAdvice()
                .include(agentLoader)
                .withExceptionHandler(reportSuppressed);
        for (TypeInstrumentation.AdviceBinding binding : type.bindings()) {
          advice = advice.advice(binding.methods(), binding.adviceClassName());
        }
        if (type.jdkClassName() != null) {
          jdk = jdk.type(type.types()).transform(advice);
          jdkClassNames.add(type.jdkClassName());
        } else {
          libraries = libraries.type(type.types(), new ClassLoaderFence(type.requiredClasses())).transform(advice);
        }
      }
    }
    // the hand-over points first: a request traced from its start keeps its workers' calls
    if (!jdkClassNames.isEmpty()) {
      jdk.installOn(instrumentation);
    }
    libraries.installOn(instrumentation);
  }

  private static AgentBuilder configured(
      AgentBuilder.RedefinitionStrategy.DiscoveryStrategy alreadyLoaded, AgentBuilder.DescriptionStrategy descriptions) {
    return newAgentBuilder()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(alreadyLoaded)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(descriptions)
        .with(new TransformErrors());
  }

  /**
   * Byte Buddy's default initialization strategy injects its {@code Nexus} class into the system
   * class loader, generating an Unsafe accessor to do so (a second or more of start-up): advice
   * needs neither, and no class of ours may enter the application's loader. The switch is a system
   * property that our copy of Byte Buddy reads once, here; it is set only for that moment (in
   * premain, before any thread of the application runs) so that the application's own Byte Buddy,
   * if any, does not see it.
   */
  private static AgentBuilder newAgentBuilder() {
    String previous = System.getProperty(NEXUS_DISABLED);
    System.setProperty(NEXUS_DISABLED, "true");
    try {
      return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
    } finally {
      if (previous == null) {
        System.clearProperty(NEXUS_DISABLED);
      } else {
        System.setProperty(NEXUS_DISABLED, previous);
      }
    }
  }

  /** Advice suppresses every Throwable and hands it to {@link AdviceErrors#record(Throwable)}. */
  private static Advice.ExceptionHandler adviceErrorHandler() {
    MethodDescription record =
        TypeDescription.ForLoadedType.of(AdviceErrors.class)
            .getDeclaredMethods()
            .filter(net.bytebuddy.matcher.ElementMatchers.named("record"))
            .getOnly();
    return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(record));
  }

  /**
   * The loaded classes to retransform for the JDK instrumentations: only the few they name, found
   * once the transformer is registered, instead of every loaded class offered to the matchers.
   */
  private static final class LoadedJdkClasses implements AgentBuilder.RedefinitionStrategy.DiscoveryStrategy {
    private final Set<String> names;

    LoadedJdkClasses(Set<String> names) {
      this.names = names;
    }

    @Override
    public Iterable<Iterable<Class<?>>> resolve(Instrumentation instrumentation) {
      List<Class<?>> named = new ArrayList<>();
      for (Class<?> type : instrumentation.getAllLoadedClasses()) {
        if (type.getClassLoader() == null && names.contains(type.getName())) {
          named.add(type);
        }
      }
      return Collections.singletonList(named);
    }
  }

  /** Logs classes that could not be transformed; the class itself still loads unchanged. */
  private static final class TransformErrors extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
      AgentLog.warn("could not instrument a class; it runs unchanged", "class", typeName, "error", String.valueOf(error));
    }
  }
}
