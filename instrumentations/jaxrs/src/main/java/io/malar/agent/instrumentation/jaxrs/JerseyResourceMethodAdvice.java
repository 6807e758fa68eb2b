package io.malar.agent.instrumentation.jaxrs;

import io.malar.agent.bridge.RouteBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.internal.process.RequestProcessingContext;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Inlined into Jersey's {@code ResourceMethodInvoker.apply}, reached once the request is routed to
 * a resource method: the templates Jersey matched on the way (resource class, sub-resource
 * locators, method), joined outermost first below the application's base path.
 */
public final class JerseyResourceMethodAdvice {
  private JerseyResourceMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) RequestProcessingContext context) {
    ExtendedUriInfo uri = context.request().getUriInfo();
    List<UriTemplate> matched = uri.getMatchedTemplates(); // innermost first
    StringBuilder template = new StringBuilder();
    for (int i = matched.size() - 1; i >= 0; i--) {
      template.append('/').append(matched.get(i).getTemplate());
    }
    RouteBridge.routed(uri.getBaseUri().getRawPath(), template.toString());
  }
}
