package io.malar.agent.bridge;

/**
 * Static entry point for web frameworks (Spring MVC, JAX-RS) that route a request after its server
 * span started; the servlet instrumentation installs the hook that renames the request's span.
 */
public final class RouteBridge {
  private static volatile RouteHook hook = new Noop();

  private RouteBridge() {}

  public static void install(RouteHook newHook) {
    hook = newHook;
  }

  public static void routed(String base, String template) {
    hook.routed(base, template);
  }

  private static final class Noop implements RouteHook {
    @Override
    public void routed(String base, String template) {}
  }
}
