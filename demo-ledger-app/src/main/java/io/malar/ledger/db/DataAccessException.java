package io.malar.ledger.db;

import java.sql.SQLException;

/** A database failure the request cannot recover from: it escapes as a 500. */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  public SQLException sqlException() {
    return (SQLException) getCause();
  }

  /** SQLState class 23: a constraint (unique, foreign key, check) refused the write. */
  public boolean isConstraintViolation() {
    String state = sqlException().getSQLState();
    return state != null && state.startsWith("23");
  }
}
