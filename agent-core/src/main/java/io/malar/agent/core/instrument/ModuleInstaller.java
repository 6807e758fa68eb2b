package io.malar.agent.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaModule;

/** Installs the enabled modules' advice with one Byte Buddy agent builder. */
public final class ModuleInstaller {
  private ModuleInstaller() {}

  public static void install(Instrumentation instrumentation, List<InstrumentationModule> modules) {
    AgentBuilder libraries =
        configured()
            // the application's classes never live in the bootstrap or platform loader, nor in ours
            .ignore(any(), isBootstrapClassLoader().or(is(ClassLoader.getPlatformClassLoader())).or(is(ModuleInstaller.class.getClassLoader())))
            .or(IgnoredTypes.matcher());
    // JDK classes are named one by one by their instrumentations; their module must read the bridge's
    AgentBuilder jdk =
        configured().ignore(any(), not(isBootstrapClassLoader())).assureReadEdgeTo(instrumentation, AdviceErrors.class);
    boolean anyJdk = false;
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
        if (type.jdk()) {
          jdk = jdk.type(type.types()).transform(advice);
          anyJdk = true;
        } else {
          libraries = libraries.type(type.types(), new ClassLoaderFence(type.requiredClasses())).transform(advice);
        }
      }
    }
    if (anyJdk) {
      jdk.installOn(instrumentation);
    }
    libraries.installOn(instrumentation);
  }

  private static AgentBuilder configured() {
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(new TransformErrors());
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
