package io.malar.agent.instrumentation.servlet;

import io.malar.agent.bridge.RouteHook;
import io.opentelemetry.context.Context;

/**
 * Where Spring MVC's or a JAX-RS implementation's route goes: to the request served on this thread,
 * whose span this instrumentation started. Outside a traced request (an error page dispatched after
 * the request's span ended, a framework not behind a servlet) there is nothing to rename.
 */
final class FrameworkRoutes implements RouteHook {
  @Override
  public void routed(String base, String template) {
    ServerCall call = Context.current().get(ServerCall.KEY);
    if (call != null && template != null) {
      call.routed(Routes.join(base == null ? "" : base, template));
    }
  }
}
