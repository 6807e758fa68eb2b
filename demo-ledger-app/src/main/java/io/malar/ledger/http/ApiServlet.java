package io.malar.ledger.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A resource's servlet: turns refusals ({@link ApiException}) into their JSON answers and lets every
 * other exception escape to the container, which answers 500 and logs it.
 */
public abstract class ApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      Object body = handle(request.getMethod(), segments(request), request, response);
      if (body != null) {
        JsonResponses.write(response, response.getStatus(), body);
      }
    } catch (ApiException e) {
      response.reset();
      JsonResponses.error(response, e);
    }
  }

  /**
   * Answers one request: returns the JSON body (status 200 unless set) or null after writing itself.
   *
   * @param path the path below the servlet's mapping, split on '/', empty for the collection
   */
  protected abstract Object handle(String method, String[] path, HttpServletRequest request,
      HttpServletResponse response) throws IOException;

  protected static ApiException methodNotAllowed(String method) {
    return ApiException.methodNotAllowed(method);
  }

  protected static ApiException unknownPath(HttpServletRequest request) {
    return ApiException.notFound("resource", request.getRequestURI());
  }

  private static String[] segments(HttpServletRequest request) {
    String info = request.getPathInfo();
    if (info == null || info.equals("/")) {
      return new String[0];
    }
    return info.substring(1).split("/");
  }
}
