package io.malar.agent.instrumentation.jdbc;

import java.util.Objects;

/** A statement made safe to record by {@link SqlSanitizer}, with the parts that name its span. */
public final class SanitizedSql {
  private final String text;
  private final String operation;
  private final String collection;
  private final String spanName;

  public SanitizedSql(String text, String operation, String collection) {
    this.text = text == null ? "" : text;
    this.operation = operation;
    this.collection = collection;
    if (operation == null) {
      spanName = null;
    } else {
      spanName = collection == null ? operation : operation + ' ' + collection;
    }
  }

  /** The statement with every literal replaced by {@code ?} and comments removed; never null. */
  public String text() {
    return text;
  }

  /** The upper-case statement keyword, such as SELECT, or null when there is none. */
  public String operation() {
    return operation;
  }

  /** The first table the statement works on, unquoted, or null when it is not a plain name. */
  public String collection() {
    return collection;
  }

  /** "OPERATION collection", or just the operation, or null when the operation is unknown. */
  public String spanName() {
    return spanName;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SanitizedSql)) {
      return false;
    }
    SanitizedSql other = (SanitizedSql) o;
    return text.equals(other.text)
        && Objects.equals(operation, other.operation)
        && Objects.equals(collection, other.collection);
  }

  @Override
  public int hashCode() {
    int h = text.hashCode();
    h = 31 * h + Objects.hashCode(operation);
    return 31 * h + Objects.hashCode(collection);
  }

  @Override
  public String toString() {
    return "SanitizedSql{operation="
        + operation
        + ", collection="
        + collection
        + ", text="
        + text
        + '}';
  }
}
