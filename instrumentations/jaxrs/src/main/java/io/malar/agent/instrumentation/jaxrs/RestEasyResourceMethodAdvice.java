package io.malar.agent.instrumentation.jaxrs;

import io.malar.agent.bridge.RouteBridge;
import net.bytebuddy.asm.Advice;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.metadata.ResourceMethod;

/**
 * Inlined into RESTEasy's {@code ResourceMethodInvoker.invoke}, reached once the request is routed
 * to a resource method: the resource's and the method's {@code @Path} joined, as RESTEasy keeps
 * them, below the application's base path.
 */
public final class RestEasyResourceMethodAdvice {
  private RestEasyResourceMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.FieldValue("method") ResourceMethod method, @Advice.Argument(0) HttpRequest request) {
    RouteBridge.routed(request.getUri().getBaseUri().getRawPath(), method.getFullpath());
  }
}
