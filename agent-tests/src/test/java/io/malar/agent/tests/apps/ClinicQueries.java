package io.malar.agent.tests.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The clinic's data access, shared by its Spring and JAX-RS versions. */
public final class ClinicQueries {
  /** More than the agent's N+1 threshold (10). */
  static final int PETS = 12;

  private ClinicQueries() {}

  /** One query per pet, as an N+1 does; returns how many pets were read. */
  static int petsOneByOne(int ownerId) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:clinic");
        Statement statement = connection.createStatement()) {
      for (int pet = 0; pet < PETS; pet++) {
        statement.executeQuery("SELECT " + (ownerId * 100 + pet)).close();
      }
    }
    return PETS;
  }
}
