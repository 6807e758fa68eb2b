package io.malar.agent.tests.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A job that runs three statements on H2 and exits at once, as a batch job or a CLI does. */
public final class ShortJobApp {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:job");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE job_runs (id INT PRIMARY KEY)");
      statement.executeUpdate("INSERT INTO job_runs VALUES (1)");
      statement.executeQuery("SELECT id FROM job_runs").close();
    }
    System.out.println("DONE");
  }
}
