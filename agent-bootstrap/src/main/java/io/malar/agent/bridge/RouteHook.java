package io.malar.agent.bridge;

/** The core's side of the web-framework advice: the request in progress was routed to a template. */
public interface RouteHook {
  /**
   * @param base where the framework is mounted, e.g. {@code /shop/api} (context path and servlet
   *     path prefix), possibly empty
   * @param template the framework's route template below {@code base}, e.g. {@code /owners/{id}}
   */
  void routed(String base, String template);
}
