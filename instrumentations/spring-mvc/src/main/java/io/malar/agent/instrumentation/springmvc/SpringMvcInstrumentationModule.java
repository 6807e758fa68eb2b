package io.malar.agent.instrumentation.springmvc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Names Spring MVC requests by the pattern of the handler that serves them ({@code GET
 * /owners/{ownerId}}), instead of the dispatcher's servlet mapping ({@code GET /*}). The route goes
 * to the server span the servlet instrumentation started.
 */
public final class SpringMvcInstrumentationModule implements InstrumentationModule {
  private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";
  /** Introduced in Spring 5.0; still there in 7. */
  private static final String VERSION_FENCE = "org.springframework.web.util.pattern.PathPatternParser";

  @Override
  public String name() {
    return "spring-mvc";
  }

  @Override
  public String description() {
    return "routes of Spring MVC 5.x (javax.servlet) and 6.x-7.x (jakarta.servlet) requests: the handler's pattern";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(family("javax"), family("jakarta"));
  }

  /** Spring 5 dispatches javax.servlet requests, Spring 6 and 7 jakarta.servlet ones. */
  private static TypeInstrumentation family(String api) {
    String request = api + ".servlet.http.HttpServletRequest";
    String advice =
        "io.malar.agent.instrumentation.springmvc." + api + "." + Character.toUpperCase(api.charAt(0)) + api.substring(1)
            + "DispatchAdvice";
    return TypeInstrumentation.forNames(DISPATCHER)
        .requiring(VERSION_FENCE, request)
        .advise(named("doDispatch").and(takesArguments(2)).and(takesArgument(0, named(request))), advice)
        .build();
  }

  @Override
  public void install(AgentContext context) {
    // the servlet instrumentation owns the requests' spans and the hook the advice calls
  }
}
