package io.malar.agent.instrumentation.springmvc.javax;

import io.malar.agent.bridge.RouteBridge;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DispatcherServlet.doDispatch} of Spring 5 on {@code javax.servlet} (and,
 * generated from this file, of Spring 6/7 on {@code jakarta.servlet}): the pattern Spring matched
 * the handler by, which it leaves in a request attribute. Read on leaving, as URL handler mappings
 * (static resources, view controllers) set it only once the handler's interceptors run.
 */
public final class JavaxDispatchAdvice {
  private JavaxDispatchAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) HttpServletRequest request) {
    Object pattern = request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
    if (pattern != null) {
      // the pattern lies below the servlet path only when the dispatcher is mapped by a path prefix
      String servletPrefix = request.getPathInfo() == null ? "" : request.getServletPath();
      RouteBridge.routed(request.getContextPath() + servletPrefix, pattern.toString());
    }
  }
}
