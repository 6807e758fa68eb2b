package io.malar.agent.core.errors;

/**
 * What a server instrumentation can tell about a request that failed, read only when it failed:
 * nothing here is computed for requests that succeed.
 */
public interface FailedRequest {
  /** The HTTP method as the span names it ({@code _OTHER} for unknown methods). */
  String method();

  /** The route that served the request, e.g. {@code /api/v1/farmers/*}, or null. */
  String route();

  /** {@code scheme://host:port/path}, without path parameters and without the query. */
  String url();

  /** The query with the values of secret-looking parameters redacted, or null. */
  String query();

  /** One request header, or null; callers decide which headers may leave the process. */
  String header(String name);

  /** The client's address: personal data, used only when the user allows it. */
  String clientAddress();

  /** The authenticated user's name, or null: personal data, used only when the user allows it. */
  String remoteUser();
}
