package io.malar.agent.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.none;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the enabled modules' advice in two steps. {@link #register} (in premain, cheap): two
 * transformers that know only the names that select candidates ({@link JdkCandidates}, {@link
 * LibraryCandidates}), so premain loads no Byte Buddy machinery. {@link #complete} (on the agent's
 * start-up thread, while the application starts): Byte Buddy's agent builders, one for the JDK
 * classes the instrumentations name, one for libraries; a candidate loaded before then waited for
 * them ({@link PendingTransformer}).
 */
public final class ModuleInstaller {
  private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

  private final Instrumentation instrumentation;
  private final List<TypeInstrumentation> jdkTypes = new ArrayList<>();
  private final List<TypeInstrumentation> libraryTypes = new ArrayList<>();
  private final Candidates jdkCandidates;
  private final Candidates libraryCandidates;
  private final PendingTransformer jdkTransformer;
  private final PendingTransformer libraryTransformer;
  /** Candidates loaded before the transformers were registered: retransformed once they are built. */
  private final List<Class<?>> loadedBefore;
  /** Shared by the advice transformers, with weakly referencing class file locators. */
  private final TypePoolCache advicePools = new TypePoolCache();

  private ModuleInstaller(Instrumentation instrumentation, List<InstrumentationModule> modules, long deadlineNanos) {
    this.instrumentation = instrumentation;
    Set<String> jdkClassNames = new HashSet<>();
    List<TypeSelection> librarySelections = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        if (type.jdkClassName() != null) {
          jdkTypes.add(type);
          jdkClassNames.add(type.jdkClassName());
        } else {
          libraryTypes.add(type);
          librarySelections.add(type.selection());
        }
      }
    }
    jdkCandidates = new JdkCandidates(jdkClassNames);
    libraryCandidates = new LibraryCandidates(ModuleInstaller.class.getClassLoader(), TypeSelection.union(librarySelections));
    jdkTransformer = new PendingTransformer(deadlineNanos);
    libraryTransformer = new PendingTransformer(deadlineNanos);
    loadedBefore = LoadedCandidates.find(instrumentation, jdkCandidates, libraryCandidates);
  }

  /**
   * Registers the transformers for {@code modules}: from now on no candidate class loads without
   * them, and {@link #complete} must follow.
   *
   * @param deadlineNanos until when ({@link System#nanoTime()}) a candidate waits for {@link #complete}
   */
  public static ModuleInstaller register(
      Instrumentation instrumentation, List<InstrumentationModule> modules, long deadlineNanos) {
    ModuleInstaller installer = new ModuleInstaller(instrumentation, modules, deadlineNanos);
    // the hand-over points first: a request traced from its start keeps its workers' calls
    instrumentation.addTransformer(new CandidateTransformer(installer.jdkTransformer, installer.jdkCandidates), true);
    instrumentation.addTransformer(
        new CandidateTransformer(installer.libraryTransformer, installer.libraryCandidates), true);
    return installer;
  }

  /** Builds Byte Buddy's transformers and instruments the candidates that were loaded without them. */
  public void complete() {
    jdkTransformer.building();
    libraryTransformer.building();
    try {
      Advice.ExceptionHandler reportSuppressed = adviceErrorHandler();
      jdkTransformer.ready(jdkBuilder(reportSuppressed).makeRaw());
      libraryTransformer.ready(libraryBuilder(reportSuppressed).makeRaw());
    } catch (Throwable e) {
      jdkTransformer.failed();
      libraryTransformer.failed();
      AgentLog.error("malar-agent could not install its instrumentation; the application runs untraced",
          "error", String.valueOf(e));
      return;
    }
    List<Class<?>> missed = new ArrayList<>(loadedBefore);
    missed.addAll(LoadedCandidates.named(instrumentation, jdkTransformer.passedThrough(), jdkCandidates));
    missed.addAll(LoadedCandidates.named(instrumentation, libraryTransformer.passedThrough(), libraryCandidates));
    LoadedCandidates.retransform(instrumentation, missed);
  }

  private AgentBuilder jdkBuilder(Advice.ExceptionHandler reportSuppressed) {
    AgentBuilder jdk =
        configured(
                // described from their class files: described from the loaded classes, the advice on
                // ThreadPoolExecutor did not take and its tasks ran without their context
                AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
            // JDK classes are named one by one by their instrumentations; their module must read the bridge's
            .ignore(none())
            .assureReadEdgeTo(instrumentation, AdviceErrors.class);
    for (TypeInstrumentation type : jdkTypes) {
      jdk = jdk.type(type.types()).transform(advice(type, reportSuppressed));
    }
    return jdk;
  }

  private AgentBuilder libraryBuilder(Advice.ExceptionHandler reportSuppressed) {
    // classes already loaded are described from the loaded class, those being loaded from their class file
    AgentBuilder libraries = configured(AgentBuilder.DescriptionStrategy.Default.HYBRID);
    for (TypeInstrumentation type : libraryTypes) {
      libraries = libraries.type(type.types(), new ClassLoaderFence(type.requiredClasses())).transform(advice(type, reportSuppressed));
    }
    return libraries;
  }

  private AgentBuilder.Transformer advice(TypeInstrumentation type, Advice.ExceptionHandler reportSuppressed) {
    AgentBuilder.Transformer.ForAdvice advice =
        new AgentBuilder.Transformer.ForAdvice()
            .include(ModuleInstaller.class.getClassLoader())
            .with(advicePools)
            .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
            .withExceptionHandler(reportSuppressed);
    for (TypeInstrumentation.AdviceBinding binding : type.bindings()) {
      advice = advice.advice(binding.methods(), binding.adviceClassName());
    }
    return advice;
  }

  /**
   * The builders' type pools stay per transformation: theirs also read the class being transformed
   * from its bytes, which a cached description would keep for as long as its loader lives.
   */
  private static AgentBuilder.RedefinitionListenable.WithoutBatchStrategy configured(
      AgentBuilder.DescriptionStrategy descriptions) {
    return newAgentBuilder()
        .disableClassFormatChanges()
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(descriptions)
        .with(new TransformErrors())
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
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
      return new AgentBuilder.Default(
          new ByteBuddy().with(TypeValidation.DISABLED).with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE));
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

  /** Logs classes that could not be transformed; the class itself still loads unchanged. */
  private static final class TransformErrors extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
      AgentLog.warn("could not instrument a class; it runs unchanged", "class", typeName, "error", String.valueOf(error));
    }
  }
}
