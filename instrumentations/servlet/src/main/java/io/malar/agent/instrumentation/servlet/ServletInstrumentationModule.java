package io.malar.agent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.bridge.RouteBridge;
import io.malar.agent.bridge.ServletBridge;
import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/** Server spans at the outermost {@code Servlet.service} / {@code Filter.doFilter}. */
public final class ServletInstrumentationModule implements InstrumentationModule {
  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public String description() {
    return "server spans for javax.servlet 3.0-4.x (Tomcat 9, Jetty 9/10) and jakarta.servlet 5.0-6.1 (Tomcat 10/11, Jetty 11/12)";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(family("javax"), family("jakarta"));
  }

  /** Servlets and filters of one API family share one advice: request and response come first. */
  private static TypeInstrumentation family(String api) {
    String servlet = api + ".servlet.Servlet";
    String filter = api + ".servlet.Filter";
    String request = api + ".servlet.ServletRequest";
    String response = api + ".servlet.ServletResponse";
    String advice =
        "io.malar.agent.instrumentation.servlet." + api + "." + capitalized(api) + "ServletAdvice";
    return TypeInstrumentation.forSubtypesOf(servlet, filter)
        .where(not(isInterface()))
        .requiring(servlet, api + ".servlet.http.HttpServletRequest")
        .advise(
            named("service")
                .and(takesArguments(2))
                .and(takesArgument(0, named(request)))
                .and(takesArgument(1, named(response))),
            advice)
        .advise(
            named("doFilter")
                .and(takesArguments(3))
                .and(takesArgument(0, named(request)))
                .and(takesArgument(1, named(response))),
            advice)
        .build();
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  @Override
  public void install(AgentContext context) {
    ServletBridge.install(
        new ServletTracingHook(context.tracer(name()), context.openTelemetry().getPropagators().getTextMapPropagator()));
    RouteBridge.install(new FrameworkRoutes());
  }
}
