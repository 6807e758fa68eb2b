package io.malar.agent.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.ContextBridge;
import io.malar.agent.bridge.ContextRunnable;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bridge with the core's hook, as the advice calls it; the executors here are not instrumented. */
class ContextBridgeTest {
  private static final ContextKey<String> REQUEST = ContextKey.named("request");
  private static final ExecutorService application = Executors.newSingleThreadExecutor();
  /** A pool whose thread factory is one of the agent's own classes. */
  private static final ExecutorService agents =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> new Thread(task, "agent"));

  @BeforeAll
  static void install() {
    ContextBridge.install(new ContextPropagation());
  }

  @AfterAll
  static void stop() {
    application.shutdown();
    agents.shutdown();
  }

  @Test
  void withoutAContextTheTaskIsHandedOverUnchanged() {
    Runnable task = () -> {};
    Callable<String> call = () -> "done";
    assertThat(ContextBridge.wrap(task)).isSameAs(task);
    assertThat(ContextBridge.wrap(task, application)).isSameAs(task);
    assertThat(ContextBridge.wrap(call, application)).isSameAs(call);
    assertThat(ContextBridge.wrapForPool(task)).isSameAs(task);
  }

  @Test
  void theTaskRunsInTheContextItWasHandedOverInAndLeavesTheThreadWithout() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    Runnable wrapped;
    Callable<String> wrappedCall;
    try (Scope ignored = Context.root().with(REQUEST, "first").makeCurrent()) {
      wrapped = ContextBridge.wrap(() -> seen.set(Context.current().get(REQUEST)), application);
      wrappedCall = ContextBridge.wrap(() -> Context.current().get(REQUEST), application);
    }
    application.submit(wrapped).get();
    assertThat(seen).hasValue("first");
    assertThat(application.submit(wrappedCall).get()).isEqualTo("first");
    assertThat(application.submit(() -> Context.current().get(REQUEST)).get()).isNull();
  }

  @Test
  void futuresAndTheAgentsOwnPoolsAreLeftAlone() {
    try (Scope ignored = Context.root().with(REQUEST, "first").makeCurrent()) {
      Runnable task = () -> {};
      FutureTask<String> future = new FutureTask<>(() -> "done");
      assertThat(ContextBridge.wrap(future, application)).isSameAs(future);
      assertThat(ContextBridge.wrap(task, agents)).isSameAs(task);
      Runnable wrapped = ContextBridge.wrap(task, application);
      assertThat(wrapped).isInstanceOf(ContextRunnable.class);
      assertThat(ContextBridge.wrap(wrapped, application)).isSameAs(wrapped);
    }
  }

  @Test
  void theApplicationGetsItsOwnTasksBackFromShutdownNow() {
    Runnable task = () -> {};
    List<Runnable> drained = new ArrayList<>();
    try (Scope ignored = Context.root().with(REQUEST, "first").makeCurrent()) {
      drained.add(ContextBridge.wrap(task, application));
    }
    ContextBridge.unwrapAll(drained);
    assertThat(drained).containsExactly(task);
  }

  @Test
  void aForkJoinTaskTakesItsContextWhenItStarts() {
    Object task = new Object();
    try (Scope ignored = Context.root().with(REQUEST, "forked").makeCurrent()) {
      ContextBridge.handOver(task);
    }
    Object scope = ContextBridge.starting(task);
    assertThat(Context.current().get(REQUEST)).isEqualTo("forked");
    ContextBridge.ended(scope);
    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(ContextBridge.starting(task)).isNull();
  }
}
