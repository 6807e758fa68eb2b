package io.malar.agent.instrumentation.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.AsyncRedisBridge;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Client spans for Lettuce 6.x and 7.x, one per command, followed through the command object
 * itself: its dispatch on the application's thread ({@code RedisChannelHandler.dispatch}, where
 * the parent is chosen), its write on the event loop ({@code CommandHandler.addToStack}, where the
 * span starts and learns its server) and its completion ({@code Command.complete}, {@code
 * completeExceptionally}, {@code cancel}, where it ends, on whatever thread), unless the
 * dispatching thread awaits the reply in {@code Futures.awaitOrCancel}: then it ends there. Every
 * wrapper Lettuce puts around a command (the async future, the reactive subscription, a
 * transaction's or a cluster redirect's) hands completion down to the innermost {@code Command},
 * the span's key.
 */
public final class LettuceInstrumentationModule implements InstrumentationModule {
  static final String NAME = "lettuce";
  private static final String CORE = "io.lettuce.core.";
  private static final String PROTOCOL = CORE + "protocol.";
  private static final String ADVICE = "io.malar.agent.instrumentation.lettuce.";
  /** RESP3's protocol versions arrived with Lettuce 6.0. */
  static final String VERSION_FENCE = PROTOCOL + "ProtocolVersion";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "client spans for Lettuce 6.x-7.x commands (sync, async, reactive; standalone, Sentinel,"
        + " Cluster), pipelines and transactions";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(dispatch(), reactiveAssembly(), write(), completion(), callbacks(), await(), versionProbe());
  }

  private static TypeInstrumentation dispatch() {
    // the name first: cheaper than walking the hierarchy of every class in the loader
    return TypeInstrumentation.forSubtypesOf(CORE + "RedisChannelHandler").where(nameStartsWith(CORE))
        .requiring(VERSION_FENCE)
        .advise(
            named("dispatch").and(takesArguments(1)).and(takesArgument(0, named(PROTOCOL + "RedisCommand"))),
            ADVICE + "DispatchAdvice")
        .advise(
            named("dispatch").and(takesArguments(1)).and(takesArgument(0, named("java.util.Collection"))),
            ADVICE + "DispatchAllAdvice")
        .build();
  }

  private static TypeInstrumentation reactiveAssembly() {
    return TypeInstrumentation.forNames(CORE + "RedisPublisher")
        .requiring(VERSION_FENCE)
        .advise(isConstructor().and(takesArgument(0, named("java.util.function.Supplier"))), ADVICE + "PublisherAdvice")
        .build();
  }

  private static TypeInstrumentation write() {
    return TypeInstrumentation.forNames(PROTOCOL + "CommandHandler")
        .requiring(VERSION_FENCE)
        .advise(named("addToStack").and(takesArguments(2)), ADVICE + "WriteAdvice")
        .build();
  }

  private static TypeInstrumentation completion() {
    return TypeInstrumentation.forNames(PROTOCOL + "Command")
        .requiring(VERSION_FENCE)
        .advise(named("complete").and(takesArguments(0)), ADVICE + "CompleteAdvice")
        .advise(named("completeExceptionally").and(takesArguments(1)), ADVICE + "FailAdvice")
        .advise(named("cancel").and(takesArguments(0)), ADVICE + "CancelAdvice")
        .build();
  }

  /** The async future and the wrappers (a reactive subscription's among them) that notify callers. */
  private static TypeInstrumentation callbacks() {
    return TypeInstrumentation.forNames(PROTOCOL + "AsyncCommand", PROTOCOL + "CommandWrapper")
        .requiring(VERSION_FENCE)
        .advise(
            named("complete").and(takesArguments(0)).or(named("completeExceptionally").and(takesArguments(1))),
            ADVICE + "CallbacksAdvice")
        .build();
  }

  private static TypeInstrumentation await() {
    return TypeInstrumentation.forNames(CORE + "internal.Futures")
        .requiring(VERSION_FENCE)
        .advise(
            named("awaitOrCancel").and(takesArguments(3)).and(takesArgument(0, named(CORE + "RedisFuture"))),
            ADVICE + "AwaitAdvice")
        .build();
  }

  /** Without the fence: tells, once per class loader, that a Lettuce of another version goes untraced. */
  private static TypeInstrumentation versionProbe() {
    return TypeInstrumentation.forNames(CORE + "AbstractRedisClient")
        .advise(isConstructor(), ADVICE + "ClientLoadedAdvice")
        .build();
  }

  @Override
  public void install(AgentContext context) {
    AsyncRedisBridge.install(new LettuceTracingHook(context.tracer(name())));
  }
}
