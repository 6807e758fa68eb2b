package io.malar.agent.instrumentation.servlet.javax;

import io.malar.agent.bridge.ServletBridge;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code javax.servlet} {@code Servlet.service} and {@code Filter.doFilter}. */
public final class JavaxServletAdvice {
  private JavaxServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response) {
    return ServletBridge.enter(HttpServletRequest.class, request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object token,
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Thrown Throwable thrown) {
    ServletBridge.exit(token, request, response, thrown);
  }
}
