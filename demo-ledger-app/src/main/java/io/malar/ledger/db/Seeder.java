package io.malar.ledger.db;

import io.malar.ledger.entries.Commission;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Fills an empty ledger with a market's month: 200 farmers (some with advances larger than their
 * sales), and 30 days of entries up to today (each farmer at the market three days in four). Deterministic: the same seed gives the same ledger.
 */
public final class Seeder {
  public static final int FARMERS = 200;
  private static final int DAYS = 30;
  private static final String[] GIVEN = {"Murugan", "Lakshmi", "Selvam", "Meena", "Karthik", "Valli", "Arumugam",
      "Saraswathi", "Palani", "Kavitha", "Ramasamy", "Deepa", "Muthu", "Anjali", "Senthil", "Revathi", "Ganesan",
      "Priya", "Velu", "Malar"};
  private static final String[] FAMILY = {"Pandian", "Subramani", "Rajendran", "Krishnan", "Natarajan",
      "Chelladurai", "Perumal", "Sundaram", "Kannan", "Balu"};
  private static final String[] VILLAGES = {"Thovalai", "Aralvaimozhi", "Sathyamangalam", "Nilakottai",
      "Hosur", "Madurai East", "Kanyakumari", "Dindigul", "Thirumangalam", "Sholavandan"};
  /** Typical rupees per kg of the twelve flowers, in flower id order. */
  private static final int[] RATES = {600, 60, 180, 90, 400, 150, 250, 120, 80, 70, 75, 100};

  private Seeder() {}

  /** Seeds an empty database; returns false (and does nothing) when farmers already exist. */
  public static boolean seedIfEmpty(DataSource dataSource, long seed) {
    return Transactions.inTransaction(dataSource, connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM farmers")) {
        rows.next();
        if (rows.getLong(1) > 0) {
          return false;
        }
      }
      Random random = new Random(seed);
      insertFarmers(connection, random);
      insertEntries(connection, random);
      return true;
    });
  }

  private static void insertFarmers(Connection connection, Random random) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO farmers (id, name, phone, village, advance_balance) VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= FARMERS; id++) {
        insert.setLong(1, id);
        insert.setString(2, GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)]);
        insert.setString(3, String.format("+9194%08d", id * 7919L));
        insert.setString(4, VILLAGES[random.nextInt(VILLAGES.length)]);
        // one farmer in ten took an advance, some of them more than a month of sales
        insert.setBigDecimal(5, BigDecimal.valueOf(random.nextInt(10) == 0 ? 2_000 + random.nextInt(60_000) : 0));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // the explicit ids above leave the identity at 1: continue after them
    try (Statement restart = connection.createStatement()) {
      restart.execute("ALTER TABLE farmers ALTER COLUMN id RESTART WITH " + (FARMERS + 1));
    }
  }

  private static void insertEntries(Connection connection, Random random) throws SQLException {
    LocalDate today = LocalDate.now();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entries"
        + " (farmer_id, flower_id, entry_date, quantity_kg, rate_per_kg, amount, commission)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int day = DAYS - 1; day >= 0; day--) {
        Date date = Date.valueOf(today.minusDays(day));
        for (int farmer = 1; farmer <= FARMERS; farmer++) {
          if (random.nextInt(4) == 0) {
            continue; // not at the market that day
          }
          int flower = 1 + (farmer + day) % RATES.length;
          BigDecimal kg = BigDecimal.valueOf(5 + random.nextInt(80)).divide(BigDecimal.valueOf(2));
          BigDecimal rate = BigDecimal.valueOf(RATES[flower - 1] * (80 + random.nextInt(41)) / 100);
          BigDecimal amount = Commission.amount(kg, rate);
          insert.setLong(1, farmer);
          insert.setInt(2, flower);
          insert.setDate(3, date);
          insert.setBigDecimal(4, kg);
          insert.setBigDecimal(5, rate);
          insert.setBigDecimal(6, amount);
          insert.setBigDecimal(7, Commission.of(amount));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
