package io.malar.agent.instrumentation.jaxrs;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.malar.agent.core.instrument.AgentContext;
import io.malar.agent.core.instrument.InstrumentationModule;
import io.malar.agent.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Names JAX-RS requests by the {@code @Path} templates of the matched resource and method ({@code
 * GET /api/owners/{id}}), instead of the servlet mapping ({@code GET /api/*}). The route goes to
 * the server span the servlet instrumentation started.
 */
public final class JaxRsInstrumentationModule implements InstrumentationModule {
  /** Jersey 2.26 moved request processing here, as 3.x keeps it. */
  private static final String JERSEY_PROCESSING = "org.glassfish.jersey.server.internal.process.RequestProcessingContext";

  @Override
  public String name() {
    return "jaxrs";
  }

  @Override
  public String description() {
    return "routes of JAX-RS requests on Jersey 2.26+ (javax.ws.rs) and 3.x (jakarta.ws.rs): the matched @Path templates";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forTypes(named("org.glassfish.jersey.server.model.ResourceMethodInvoker"))
            .requiring(JERSEY_PROCESSING)
            .advise(
                named("apply").and(takesArguments(1)).and(takesArgument(0, named(JERSEY_PROCESSING))),
                "io.malar.agent.instrumentation.jaxrs.JerseyResourceMethodAdvice")
            .build());
  }

  @Override
  public void install(AgentContext context) {
    // the servlet instrumentation owns the requests' spans and the hook the advice calls
  }
}
