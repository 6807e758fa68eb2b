package io.malar.agent.instrumentation.servlet;

/** Known HTTP methods keep their name; anything else is {@code _OTHER}, to bound span names. */
final class HttpMethods {
  static final String OTHER = "_OTHER";

  private HttpMethods() {}

  static String known(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method) {
      case "GET":
      case "HEAD":
      case "POST":
      case "PUT":
      case "DELETE":
      case "CONNECT":
      case "OPTIONS":
      case "TRACE":
      case "PATCH":
        return method;
      default:
        return OTHER;
    }
  }
}
