package io.malar.ledger.http;

/** A request the ledger refuses: answered with {@code status} and a JSON body, never logged as an error. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String field;
  private final String rule;

  private ApiException(int status, String error, String message, String field, String rule) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
    this.rule = rule;
  }

  public static ApiException invalid(String field, String rule) {
    return new ApiException(400, "validation_failed", field + " " + rule, field, rule);
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(404, "not_found", what + " " + id + " does not exist", null, null);
  }

  public static ApiException methodNotAllowed(String method) {
    return new ApiException(405, "method_not_allowed", method + " is not supported here", null, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message, null, null);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The offending request field of a 400, else null. */
  public String field() {
    return field;
  }

  /** The rule the field broke, e.g. "must be between 0.1 and 1000", else null. */
  public String rule() {
    return rule;
  }
}
