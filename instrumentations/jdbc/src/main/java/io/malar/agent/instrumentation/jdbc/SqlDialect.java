package io.malar.agent.instrumentation.jdbc;

/** How a database quotes text, which decides what the sanitizer treats as a literal. */
public enum SqlDialect {
  /**
   * PostgreSQL, H2 and most others: {@code "..."} is an identifier, {@code '...'} escapes a quote
   * by doubling it (backslashes only escape in {@code E'...'}), {@code $tag$...$tag$} is a string.
   */
  STANDARD,
  /**
   * MySQL and MariaDB with their default modes: {@code "..."} is a string, backslashes escape in
   * every string, {@code `...`} is an identifier and {@code #} starts a comment.
   */
  MYSQL;

  /** The dialect for an OpenTelemetry {@code db.system} value; null and unknown give STANDARD. */
  public static SqlDialect forSystem(String dbSystemName) {
    if ("mysql".equalsIgnoreCase(dbSystemName) || "mariadb".equalsIgnoreCase(dbSystemName)) {
      return MYSQL;
    }
    return STANDARD;
  }
}
