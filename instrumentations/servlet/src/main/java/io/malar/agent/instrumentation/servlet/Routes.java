package io.malar.agent.instrumentation.servlet;

/** Turns a servlet mapping into an http.route, without the context path. */
public final class Routes {
  private Routes() {}

  /**
   * From a Servlet 4+ mapping: {@code PATH /api/v1/farmers/*} stays as it is; the default servlet
   * serves every unmatched path, so it becomes {@code /*}.
   */
  public static String of(String mappingMatch, String pattern) {
    switch (mappingMatch) {
      case "CONTEXT_ROOT":
        return "/";
      case "DEFAULT":
        return "/*";
      default:
        return pattern;
    }
  }

  /** The route below the application's context path; the root context's route as it is, not a copy per request. */
  public static String under(String contextPath, String route) {
    return contextPath == null || contextPath.isEmpty() ? route : contextPath + route;
  }

  /** Servlet 3.x: the servlet path, with {@code /*} when the mapping matched a path prefix. */
  public static String fromPaths(String servletPath, String pathInfo) {
    String path = servletPath == null || servletPath.isEmpty() ? "" : servletPath;
    return pathInfo == null ? (path.isEmpty() ? "/" : path) : path + "/*";
  }

  /**
   * A framework's template below where the framework is mounted: {@code /shop/api/} and {@code
   * owners//{id}/} give {@code /shop/api/owners/{id}}; one slash between parts, none at the end.
   */
  public static String join(String base, String template) {
    StringBuilder route = new StringBuilder(base.length() + template.length() + 1);
    appendPath(route, base);
    appendPath(route, template);
    return route.length() == 0 ? "/" : route.toString();
  }

  private static void appendPath(StringBuilder route, String part) {
    boolean newSegment = true;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '/') {
        newSegment = true;
      } else {
        if (newSegment) {
          route.append('/');
          newSegment = false;
        }
        route.append(c);
      }
    }
  }
}
