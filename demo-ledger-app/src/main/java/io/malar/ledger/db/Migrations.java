package io.malar.ledger.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Applies the versioned SQL files {@code db/migration/V1.sql, V2.sql, ...} that the database has not
 * seen yet, each in its own transaction, and records them in {@code schema_version}.
 */
public final class Migrations {
  private static final String LOCATION = "db/migration/V%d.sql";

  private Migrations() {}

  /** Returns the schema version after migrating. */
  public static int migrate(DataSource dataSource) {
    return Transactions.withConnection(dataSource, connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INT PRIMARY KEY, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
      }
      int version = currentVersion(connection);
      String sql;
      while ((sql = script(version + 1)) != null) {
        apply(connection, version + 1, sql);
        version++;
      }
      return version;
    });
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void apply(Connection connection, int version, String sql) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String ddl : withoutComments(sql).split(";")) {
        if (!ddl.isBlank()) {
          statement.execute(ddl);
        }
      }
      try (PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
        record.setInt(1, version);
        record.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("migration V" + version + " failed: " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static String withoutComments(String sql) {
    StringBuilder kept = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private static String script(int version) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(String.format(LOCATION, version))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
