package io.malar.agent.instrumentation.jaxrs;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Names JAX-RS requests by the {@code @Path} templates of the matched resource and method ({@code
 * GET /api/owners/{id}}), instead of the servlet mapping ({@code GET /api/*}). The route goes to
 * the server span the servlet instrumentation started.
 */
public final class JaxRsInstrumentationModule implements InstrumentationModule {
  /** Jersey 2.26 moved request processing here, as 3.x keeps it. */
  private static final String JERSEY_PROCESSING = "org.glassfish.jersey.server.internal.process.RequestProcessingContext";

  private static final String RESTEASY_INVOKER = "org.jboss.resteasy.core.ResourceMethodInvoker";
  private static final String RESTEASY_REQUEST = "org.jboss.resteasy.spi.HttpRequest";
  /** The resource metadata the advice reads. */
  private static final String RESTEASY_METADATA = "org.jboss.resteasy.spi.metadata.ResourceMethod";

  @Override
  public String name() {
    return "jaxrs";
  }

  @Override
  public String description() {
    return "routes of JAX-RS requests on Jersey 2.26+ (javax.ws.rs) and 3.x, RESTEasy 6.x (jakarta.ws.rs): the matched @Path templates";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(jersey(), restEasy());
  }

  private static TypeInstrumentation jersey() {
    return TypeInstrumentation.forNames("org.glassfish.jersey.server.model.ResourceMethodInvoker")
        .requiring(JERSEY_PROCESSING)
        .advise(
            named("apply").and(takesArguments(1)).and(takesArgument(0, named(JERSEY_PROCESSING))),
            "io.malar.agent.instrumentation.jaxrs.JerseyResourceMethodAdvice")
        .build();
  }

  /**
   * RESTEasy 6 on jakarta.ws.rs: its invoker answers a jakarta {@code Response}, which tells it from
   * RESTEasy 4 and 5 on javax.ws.rs, whose {@code HttpRequest.getUri()} the advice could not call.
   */
  private static TypeInstrumentation restEasy() {
    return TypeInstrumentation.forNames(RESTEASY_INVOKER)
        .where(declaresMethod(named("invoke").and(returns(named("jakarta.ws.rs.core.Response")))))
        .requiring(RESTEASY_METADATA, "jakarta.ws.rs.core.Response")
        .advise(
            named("invoke").and(takesArguments(3)).and(takesArgument(0, named(RESTEASY_REQUEST))).and(not(isBridge())),
            "io.malar.agent.instrumentation.jaxrs.RestEasyResourceMethodAdvice")
        .build();
  }

  @Override
  public void install(AgentContext context) {
    // the servlet instrumentation owns the requests' spans and the hook the advice calls
  }
}
