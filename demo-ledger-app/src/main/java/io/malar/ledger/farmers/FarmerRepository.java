package io.malar.ledger.farmers;

import io.malar.ledger.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Farmers in the database. */
public final class FarmerRepository {
  private static final String COLUMNS = "id, name, phone, village, advance_balance";

  private final DataSource dataSource;

  public FarmerRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Farmer find(long id) {
    return Transactions.withConnection(dataSource, connection -> find(connection, id));
  }

  public static Farmer find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM farmers WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? farmer(rows) : null;
      }
    }
  }

  /** A page of farmers whose name or village contains {@code search} (any, when null), by id. */
  public List<Farmer> list(String search, int page, int size) {
    return Transactions.withConnection(dataSource, connection -> {
      String where = search == null ? "" : " WHERE LOWER(name) LIKE ? OR LOWER(village) LIKE ?";
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM farmers" + where + " ORDER BY id LIMIT ? OFFSET ?")) {
        int index = 1;
        if (search != null) {
          String pattern = "%" + search.toLowerCase() + "%";
          select.setString(index++, pattern);
          select.setString(index++, pattern);
        }
        select.setInt(index++, size);
        select.setInt(index, (page - 1) * size);
        List<Farmer> farmers = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            farmers.add(farmer(rows));
          }
        }
        return farmers;
      }
    });
  }

  public long count(String search) {
    return Transactions.withConnection(dataSource, connection -> {
      String where = search == null ? "" : " WHERE LOWER(name) LIKE ? OR LOWER(village) LIKE ?";
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM farmers" + where)) {
        if (search != null) {
          String pattern = "%" + search.toLowerCase() + "%";
          count.setString(1, pattern);
          count.setString(2, pattern);
        }
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  public static boolean phoneTaken(Connection connection, String phone, long exceptId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM farmers WHERE phone = ? AND id <> ?")) {
      select.setString(1, phone);
      select.setLong(2, exceptId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  public static long insert(Connection connection, String name, String phone, String village) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO farmers (name, phone, village) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setString(2, phone);
      insert.setString(3, village);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public static void update(Connection connection, long id, String name, String phone, String village) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE farmers SET name = ?, phone = ?, village = ? WHERE id = ?")) {
      update.setString(1, name);
      update.setString(2, phone);
      update.setString(3, village);
      update.setLong(4, id);
      update.executeUpdate();
    }
  }

  private static Farmer farmer(ResultSet rows) throws SQLException {
    return new Farmer(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBigDecimal(5));
  }
}
