package io.malar.agent.bridge;

/** Static entry points the servlet advice calls; the core installs the hook at start-up. */
public final class ServletBridge {
  private static volatile ServletHook hook = new Noop();

  private ServletBridge() {}

  public static void install(ServletHook newHook) {
    hook = newHook;
  }

  public static Object enter(Class<?> servletApi, Object request, Object response) {
    return hook.enter(servletApi, request, response);
  }

  public static void exit(Object token, Object request, Object response, Throwable thrown) {
    if (token != null) {
      hook.exit(token, request, response, thrown);
    }
  }

  private static final class Noop implements ServletHook {
    @Override
    public Object enter(Class<?> servletApi, Object request, Object response) {
      return null;
    }

    @Override
    public void exit(Object token, Object request, Object response, Throwable thrown) {}
  }
}
