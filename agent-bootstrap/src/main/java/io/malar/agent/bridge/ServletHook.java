package io.malar.agent.bridge;

/** The core's side of the servlet advice: {@code Servlet.service} and {@code Filter.doFilter}. */
public interface ServletHook {
  /**
   * @param servletApi the API's {@code HttpServletRequest} class as the instrumented code sees it
   * @return a token for {@link #exit}, or null when there is nothing to do on exit
   */
  Object enter(Class<?> servletApi, Object request, Object response);

  void exit(Object token, Object request, Object response, Throwable thrown);
}
