package io.malar.agent.instrumentation.logback;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Trace and request ids in the MDC of Logback events: added to the event's own copy of the MDC when
 * something first reads it ({@code LoggingEvent.getMDCPropertyMap()}: a layout, an encoder, an
 * async appender preparing the event), on the logging thread. The MDC of the thread is never
 * written.
 */
public final class LogbackInstrumentationModule implements InstrumentationModule {
  private static final String EVENT = "ch.qos.logback.classic.spi.LoggingEvent";

  @Override
  public String name() {
    return "logback";
  }

  @Override
  public String description() {
    return "trace_id, span_id, trace_flags and request_id in the MDC of Logback 1.2-1.6 events (SLF4J over Logback included)";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forNames(EVENT)
            .requiring(EVENT)
            .advise(named("getMDCPropertyMap").and(takesArguments(0)), "io.malar.agent.instrumentation.logback.MdcMapAdvice")
            .build());
  }

  @Override
  public void install(AgentContext context) {
    // the log-correlation feature installs the hook the advice asks for the ids
  }
}
