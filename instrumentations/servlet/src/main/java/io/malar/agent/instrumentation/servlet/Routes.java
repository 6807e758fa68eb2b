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

  /** Servlet 3.x: the servlet path, with {@code /*} when the mapping matched a path prefix. */
  public static String fromPaths(String servletPath, String pathInfo) {
    String path = servletPath == null || servletPath.isEmpty() ? "" : servletPath;
    return pathInfo == null ? (path.isEmpty() ? "/" : path) : path + "/*";
  }
}
