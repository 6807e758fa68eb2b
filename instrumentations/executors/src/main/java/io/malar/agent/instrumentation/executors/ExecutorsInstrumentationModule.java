package io.malar.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.ContextBridge;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;

/**
 * The trace context follows a task to the thread that runs it. Hand-over points are the JDK's own
 * executors (so the application's, Spring's and others' pools built on them are covered), the
 * ForkJoin framework under CompletableFuture and parallel streams, virtual threads, and
 * {@code AsyncContext.start}. The servlet containers' own thread pools are not JDK executors, or
 * are recognised as internal, and carry nothing.
 */
public final class ExecutorsInstrumentationModule implements InstrumentationModule {
  private static final String ADVICE = "io.malar.agent.instrumentation.executors.";
  private static final String EXECUTOR_RUNNABLE = ADVICE + "ExecutorRunnableAdvice";
  private static final String EXECUTOR_CALLABLE = ADVICE + "ExecutorCallableAdvice";
  private static final String HANDED_RUNNABLE = ADVICE + "HandedRunnableAdvice";
  private static final String POOL_RUNNABLE = ADVICE + "PoolRunnableAdvice";

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public String description() {
    return "context propagation to JDK executors, ForkJoinPool, CompletableFuture, AsyncContext.start (javax, jakarta) and virtual threads";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        jdk("java.util.concurrent.ThreadPoolExecutor")
            .advise(named("execute").and(takesArguments(Runnable.class)), EXECUTOR_RUNNABLE)
            .advise(named("shutdownNow").and(takesArguments(0)), ADVICE + "ShutdownNowAdvice")
            .build(),
        jdk("java.util.concurrent.AbstractExecutorService")
            .advise(named("newTaskFor").and(takesArguments(Runnable.class, Object.class)), EXECUTOR_RUNNABLE)
            .advise(named("newTaskFor").and(takesArguments(Callable.class)), EXECUTOR_CALLABLE)
            .build(),
        scheduling(jdk("java.util.concurrent.ScheduledThreadPoolExecutor")).build(),
        // Java 19+: ForkJoinPool schedules too
        scheduling(jdk("java.util.concurrent.ForkJoinPool"))
            .advise(named("execute").and(takesArguments(Runnable.class)), POOL_RUNNABLE)
            .advise(named("submit").and(takesArguments(Runnable.class)), POOL_RUNNABLE)
            .advise(named("submit").and(takesArguments(Runnable.class, Object.class)), POOL_RUNNABLE)
            .advise(named("submit").and(takesArguments(Callable.class)), EXECUTOR_CALLABLE)
            .advise(
                namedOneOf("execute", "submit", "invoke").and(takesArguments(ForkJoinTask.class)),
                ADVICE + "PoolTaskAdvice")
            .build(),
        jdk("java.util.concurrent.ForkJoinTask")
            .advise(named("fork").and(takesArguments(0)), ADVICE + "ForkAdvice")
            .advise(named("doExec").and(takesArguments(0)), ADVICE + "ForkJoinTaskRunAdvice")
            .build(),
        // CompletableFuture's default executor when the common pool has a single thread (Java 17)
        jdk("java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor")
            .advise(named("execute").and(takesArguments(Runnable.class)), HANDED_RUNNABLE)
            .build(),
        jdk("java.lang.VirtualThread")
            .advise(isConstructor().and(takesArguments(4)).and(takesArgument(3, Runnable.class)), ADVICE + "VirtualThreadAdvice")
            .build(),
        asyncContextStart("javax"),
        asyncContextStart("jakarta"));
  }

  private static TypeInstrumentation.Builder jdk(String className) {
    return TypeInstrumentation.forJdkType(className);
  }

  private static TypeInstrumentation.Builder scheduling(TypeInstrumentation.Builder executor) {
    return executor
        .advise(
            namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay").and(takesArgument(0, Runnable.class)),
            EXECUTOR_RUNNABLE)
        .advise(named("schedule").and(takesArgument(0, Callable.class)), EXECUTOR_CALLABLE);
  }

  private static TypeInstrumentation asyncContextStart(String api) {
    String asyncContext = api + ".servlet.AsyncContext";
    return TypeInstrumentation.forSubtypesOf(asyncContext).where(not(isInterface()))
        .requiring(asyncContext)
        .advise(named("start").and(takesArguments(Runnable.class)), HANDED_RUNNABLE)
        .build();
  }

  @Override
  public void install(AgentContext context) {
    ContextBridge.install(new ContextPropagation());
  }
}
