package io.malar.agent.tests.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the JDBC calls the agent must trace against the database named by its arguments (JDBC URL,
 * user, password): plain statements, prepared, a batch, a failing statement, and a query through
 * HikariCP. Prints what it saw, so the output can be compared with and without the agent.
 */
public final class JdbcScenarioApp {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args.length > 1 ? args[1] : "";
    String password = args.length > 2 ? args[2] : "";
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS malar_farmers");
        statement.execute("CREATE TABLE malar_farmers (id INT PRIMARY KEY, name VARCHAR(80), phone VARCHAR(20))");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO malar_farmers (id, name, phone) VALUES (?, ?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, LedgerWork.NAME);
        insert.setString(3, LedgerWork.PHONE);
        System.out.println("inserted " + insert.executeUpdate());
        for (int id = 2; id <= 4; id++) {
          insert.setInt(1, id);
          insert.setString(2, "Farmer " + id);
          insert.setString(3, "99999000" + id);
          insert.addBatch();
        }
        System.out.println("batch " + insert.executeBatch().length);
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT id FROM malar_farmers WHERE phone = '" + LedgerWork.PHONE + "' AND name = '" + LedgerWork.NAME + "'")) {
        System.out.println("found " + (rows.next() ? rows.getInt(1) : -1));
      }
      try (Statement statement = connection.createStatement()) {
        // drivers echo the failing statement, literals included, in their messages
        statement.executeQuery("SELECT * FROM malar_no_such_table WHERE phone = '" + LedgerWork.PHONE + "'");
      } catch (SQLException expected) {
        System.out.println("failed as expected " + expected.getClass().getSimpleName());
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection connection = pool.getConnection();
        PreparedStatement byId = connection.prepareStatement("SELECT name FROM malar_farmers WHERE id = ?")) {
      byId.setInt(1, 3);
      try (ResultSet rows = byId.executeQuery()) {
        System.out.println("pooled " + (rows.next() ? rows.getString(1) : null));
      }
    }
    System.out.println("DONE");
  }
}
