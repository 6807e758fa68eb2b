package io.malar.agent.instrumentation.log4j;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Trace and request ids in the context data of Log4j 2 events: added as Log4j's context data
 * injectors fill an event's context data from the ThreadContext ({@code injectContextData}), on the
 * logging thread, for the events of synchronous and asynchronous loggers alike, through Log4j's API
 * or SLF4J's. The ThreadContext itself is never written.
 */
public final class Log4jInstrumentationModule implements InstrumentationModule {
  /** The injectors for each ThreadContext map implementation: nested classes of this one, 2.7 onwards. */
  private static final String INJECTORS = "org.apache.logging.log4j.core.impl.ThreadContextDataInjector";

  @Override
  public String name() {
    return "log4j";
  }

  @Override
  public String description() {
    return "trace_id, span_id, trace_flags and request_id in the context data (MDC) of Log4j 2.7+ events (SLF4J over Log4j included)";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forNamePrefix(INJECTORS + "$For")
            .requiring(INJECTORS)
            .advise(named("injectContextData").and(takesArguments(2)), "io.malar.agent.instrumentation.log4j.InjectContextDataAdvice")
            .build());
  }

  @Override
  public void install(AgentContext context) {
    // the log-correlation feature installs the hook the advice asks for the ids
  }
}
