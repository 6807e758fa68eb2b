package io.malar.agent.instrumentation.springmvc.javax;

import io.malar.agent.bridge.RouteBridge;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DispatcherServlet.getHandler} of Spring 5 on {@code javax.servlet} (and,
 * generated from this file, of Spring 6/7 on {@code jakarta.servlet}): once a handler is found, the
 * pattern Spring matched it by, which Spring leaves in a request attribute.
 */
public final class JavaxHandlerAdvice {
  private JavaxHandlerAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) HttpServletRequest request, @Advice.Return Object handler) {
    Object pattern =
        handler == null ? null : request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
    if (pattern != null) {
      // the pattern lies below the servlet path only when the dispatcher is mapped by a path prefix
      String servletPrefix = request.getPathInfo() == null ? "" : request.getServletPath();
      RouteBridge.routed(request.getContextPath() + servletPrefix, pattern.toString());
    }
  }
}
