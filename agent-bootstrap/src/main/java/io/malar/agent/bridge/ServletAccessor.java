package io.malar.agent.bridge;

/**
 * Reads a servlet request and response without the core knowing which servlet API they belong to.
 *
 * <p>Implemented once per API family (javax.servlet, jakarta.servlet) by a helper class that is
 * defined next to the application's servlet API, so only JDK types cross this interface.
 */
public interface ServletAccessor {
  boolean isHttp(Object request);

  String method(Object request);

  String scheme(Object request);

  String serverName(Object request);

  int serverPort(Object request);

  String requestUri(Object request);

  String queryString(Object request);

  String header(Object request, String name);

  String remoteAddress(Object request);

  /** The authenticated user's name ({@code getRemoteUser()}, else the principal's), or null. */
  String remoteUser(Object request);

  String protocol(Object request);

  /** The servlet mapping that served the request, with the context path, or null. */
  String route(Object request);

  Object attribute(Object request, String name);

  void setAttribute(Object request, String name, Object value);

  int status(Object response);

  boolean isAsyncStarted(Object request);

  /** Calls {@code completion} once, when the request's asynchronous processing ends. */
  void onAsyncEnd(Object request, AsyncCompletion completion);

  /** Told when an asynchronous request completes, times out or fails. */
  interface AsyncCompletion {
    void asyncEnded(Object response, Throwable error);
  }
}
