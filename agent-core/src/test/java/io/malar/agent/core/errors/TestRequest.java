package io.malar.agent.core.errors;

import java.util.Collections;
import java.util.Map;

/** A failed GET request of the given route and headers, for the tests of features that report errors. */
public final class TestRequest implements FailedRequest {
  private final String route;
  private final Map<String, String> headers;

  public TestRequest(String route, Map<String, String> headers) {
    this.route = route;
    this.headers = headers;
  }

  public TestRequest(String route) {
    this(route, Collections.<String, String>emptyMap());
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public String route() {
    return route;
  }

  @Override
  public String url() {
    return "http://127.0.0.1:8080" + (route == null ? "/" : route);
  }

  @Override
  public String query() {
    return null;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String clientAddress() {
    return "127.0.0.1";
  }

  @Override
  public String remoteUser() {
    return null;
  }
}
