package io.malar.ledger.entries;

import io.malar.ledger.db.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Entries in the database. */
public final class EntryRepository {
  private static final String SELECT = "SELECT e.id, e.farmer_id, e.flower_id, f.name, e.entry_date, e.quantity_kg,"
      + " e.rate_per_kg, e.amount, e.commission, e.settlement_id FROM entries e JOIN flowers f ON f.id = e.flower_id";
  private static final int MAX_ROWS = 500;

  private final DataSource dataSource;

  public EntryRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static long insert(Connection connection, long farmerId, int flowerId, LocalDate date, BigDecimal kg,
      BigDecimal rate, BigDecimal amount, BigDecimal commission) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entries"
        + " (farmer_id, flower_id, entry_date, quantity_kg, rate_per_kg, amount, commission) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, farmerId);
      insert.setInt(2, flowerId);
      insert.setDate(3, Date.valueOf(date));
      insert.setBigDecimal(4, kg);
      insert.setBigDecimal(5, rate);
      insert.setBigDecimal(6, amount);
      insert.setBigDecimal(7, commission);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public static Entry find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE e.id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? entry(rows) : null;
      }
    }
  }

  /** The name of flower {@code id}, or null when the market has no such flower. */
  public static String flowerName(Connection connection, int id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT name FROM flowers WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  public List<Entry> onDate(LocalDate date) {
    return query(" WHERE e.entry_date = ? ORDER BY e.id", date, 0);
  }

  public List<Entry> ofFarmer(long farmerId) {
    return query(" WHERE e.farmer_id = ? ORDER BY e.entry_date DESC, e.id DESC", null, farmerId);
  }

  private List<Entry> query(String where, LocalDate date, long farmerId) {
    return Transactions.withConnection(dataSource, connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT + where + " LIMIT " + MAX_ROWS)) {
        if (date != null) {
          select.setDate(1, Date.valueOf(date));
        } else {
          select.setLong(1, farmerId);
        }
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            entries.add(entry(rows));
          }
        }
        return entries;
      }
    });
  }

  private static Entry entry(ResultSet rows) throws SQLException {
    long settlement = rows.getLong(10);
    Long settlementId = rows.wasNull() ? null : settlement;
    return new Entry(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4),
        rows.getDate(5).toLocalDate().toString(), rows.getBigDecimal(6), rows.getBigDecimal(7),
        rows.getBigDecimal(8), rows.getBigDecimal(9), settlementId);
  }
}
