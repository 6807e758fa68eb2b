package io.malar.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.RedisBridge;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.MethodCalls;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Client spans for Jedis 4.0 to 8.x, whose commands all travel through {@code Connection}:
 * {@code executeCommand} for most, {@code sendCommand} plus a reply read for the rest of {@code
 * Jedis}'s methods, and {@code sendCommand} alone for what a pipeline or transaction queues.
 */
public final class JedisInstrumentationModule implements InstrumentationModule {
  private static final String PACKAGE = "redis.clients.jedis.";
  private static final String ADVICE = "io.malar.agent.instrumentation.jedis.";
  /** Introduced in Jedis 4.0 along with the Connection API instrumented here. */
  private static final String VERSION_FENCE = PACKAGE + "CommandObject";

  /**
   * Jedis methods that are no command of the application's: connection lifecycle (a pool quits
   * its connections as it closes), factories of pipelines and transactions (MULTI belongs to the
   * transaction's span), and subscriptions that block for as long as they listen.
   */
  private static final String[] NOT_CLIENT_CALLS = {
    "close", "connect", "disconnect", "quit", "resetState", "pipelined", "multi",
    "subscribe", "psubscribe", "ssubscribe", "monitor"
  };

  @Override
  public String name() {
    return "jedis";
  }

  @Override
  public String description() {
    return "client spans for Jedis 4.x-8.x commands (Jedis and JedisPool; UnifiedJedis: JedisPooled,"
        + " RedisClient, JedisCluster), pipelines and transactions";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(connection(), jedis(), pipelines(), transactions());
  }

  private static TypeInstrumentation connection() {
    return TypeInstrumentation.forNames(PACKAGE + "Connection")
        .requiring(VERSION_FENCE)
        .advise(
            named("executeCommand")
                .and(takesArguments(1))
                .and(takesArgument(0, namedOneOf(PACKAGE + "CommandObject", PACKAGE + "CommandArguments"))),
            ADVICE + "CommandAdvice")
        .advise(
            named("sendCommand").and(takesArguments(1)).and(takesArgument(0, named(PACKAGE + "CommandArguments"))),
            ADVICE + "SendCommandAdvice")
        .advise(named("select").and(takesArguments(int.class)), ADVICE + "ConnectionSelectAdvice")
        .build();
  }

  private static TypeInstrumentation jedis() {
    // a method that hands its command to executeCommand has its span from the connection's advice:
    // three in four of Jedis's thousand methods, which weaving would make its slowest class to load
    return TypeInstrumentation.forNames(PACKAGE + "Jedis")
        .requiring(VERSION_FENCE)
        .advise(
            isMethod()
                .and(isPublic())
                .and(not(isStatic()))
                .and(not(isSynthetic()))
                .and(not(namedOneOf(NOT_CLIENT_CALLS)))
                .and(not(MethodCalls.calling(PACKAGE + "Connection", "executeCommand"))),
            ADVICE + "ClientCallAdvice")
        .advise(named("select").and(takesArguments(int.class)), ADVICE + "JedisSelectAdvice")
        .build();
  }

  private static TypeInstrumentation pipelines() {
    // MultiNodePipelineBase: the cluster pipelines
    return TypeInstrumentation.forNames(PACKAGE + "Pipeline", PACKAGE + "MultiNodePipelineBase")
        .requiring(VERSION_FENCE)
        .advise(
            namedOneOf("appendCommand", "appendInternalCommand").and(takesArguments(1)),
            ADVICE + "QueueCommandAdvice")
        .advise(namedOneOf("sync", "syncAndReturnAll").and(takesArguments(0)), ADVICE + "PipelineSyncAdvice")
        .build();
  }

  private static TypeInstrumentation transactions() {
    // TransactionBase declares these methods in 4.x; Transaction and ReliableTransaction from 5.0
    return TypeInstrumentation.forNames(
            PACKAGE + "Transaction", PACKAGE + "ReliableTransaction", PACKAGE + "TransactionBase")
        .requiring(VERSION_FENCE)
        .advise(named("appendCommand").and(takesArguments(1)), ADVICE + "QueueCommandAdvice")
        .advise(named("exec").and(takesArguments(0)), ADVICE + "TransactionExecAdvice")
        .advise(named("discard").and(takesArguments(0)), ADVICE + "TransactionDiscardAdvice")
        .advise(namedOneOf("watch", "unwatch"), ADVICE + "ClientCallAdvice")
        .build();
  }

  @Override
  public void install(AgentContext context) {
    RedisBridge.install(new JedisTracingHook(context.tracer(name())));
  }
}
