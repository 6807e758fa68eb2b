package io.malar.ledger.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs multi-statement writes as one transaction: all of it commits, or none of it. */
public final class Transactions {
  private Transactions() {}

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  /** Work on one pooled connection in auto-commit mode (reads, single statements). */
  public static <T> T withConnection(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }
}
