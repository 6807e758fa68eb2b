package io.malar.ledger.settlements;

import io.malar.ledger.db.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Settlements in the database, and the entry and advance bookkeeping that goes with them. */
public final class SettlementRepository {
  public static final String PENDING = "pending_approval";
  public static final String APPROVED = "approved";

  private static final String SELECT = "SELECT id, farmer_id, period_start, period_end, gross_amount, commission,"
      + " advances, net_amount, status, approved_at FROM settlements";

  private final DataSource dataSource;

  public SettlementRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The sums of the farmer's unsettled entries in the period. */
  record Unsettled(int count, BigDecimal gross, BigDecimal commission) {}

  /** Locks the farmer's row so that two settlements of one farmer never count the same entries. */
  static BigDecimal lockAdvanceBalance(Connection connection, long farmerId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT advance_balance FROM farmers WHERE id = ? FOR UPDATE")) {
      select.setLong(1, farmerId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getBigDecimal(1) : null;
      }
    }
  }

  static Unsettled unsettled(Connection connection, long farmerId, LocalDate start, LocalDate end)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(amount), 0),"
        + " COALESCE(SUM(commission), 0) FROM entries"
        + " WHERE farmer_id = ? AND entry_date BETWEEN ? AND ? AND settlement_id IS NULL")) {
      bindPeriod(select, 1, farmerId, start, end);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return new Unsettled(rows.getInt(1), rows.getBigDecimal(2), rows.getBigDecimal(3));
      }
    }
  }

  static long insert(Connection connection, long farmerId, LocalDate start, LocalDate end, Unsettled sums,
      BigDecimal advances, BigDecimal net) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO settlements (farmer_id, period_start,"
        + " period_end, gross_amount, commission, advances, net_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, farmerId);
      insert.setDate(2, Date.valueOf(start));
      insert.setDate(3, Date.valueOf(end));
      insert.setBigDecimal(4, sums.gross());
      insert.setBigDecimal(5, sums.commission());
      insert.setBigDecimal(6, advances);
      insert.setBigDecimal(7, net);
      insert.setString(8, PENDING);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Marks the period's unsettled entries as settled by {@code settlementId}, and clears the advances. */
  static void settle(Connection connection, long settlementId, long farmerId, LocalDate start, LocalDate end)
      throws SQLException {
    try (PreparedStatement entries = connection.prepareStatement("UPDATE entries SET settlement_id = ?"
        + " WHERE farmer_id = ? AND entry_date BETWEEN ? AND ? AND settlement_id IS NULL")) {
      entries.setLong(1, settlementId);
      bindPeriod(entries, 2, farmerId, start, end);
      entries.executeUpdate();
    }
    try (PreparedStatement advances = connection.prepareStatement(
        "UPDATE farmers SET advance_balance = 0 WHERE id = ?")) {
      advances.setLong(1, farmerId);
      advances.executeUpdate();
    }
  }

  /** Approves a pending settlement; false when it was not pending (already approved). */
  static boolean approve(Connection connection, long id) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE settlements SET status = ?, approved_at = ? WHERE id = ? AND status = ?")) {
      update.setString(1, APPROVED);
      update.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
      update.setLong(3, id);
      update.setString(4, PENDING);
      return update.executeUpdate() == 1;
    }
  }

  static Settlement find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? settlement(rows) : null;
      }
    }
  }

  public List<Settlement> list(String status, Long farmerId) {
    return Transactions.withConnection(dataSource, connection -> {
      StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
      if (status != null) {
        sql.append(" AND status = ?");
      }
      if (farmerId != null) {
        sql.append(" AND farmer_id = ?");
      }
      sql.append(" ORDER BY id DESC LIMIT 200");
      try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
        int index = 1;
        if (status != null) {
          select.setString(index++, status);
        }
        if (farmerId != null) {
          select.setLong(index, farmerId);
        }
        List<Settlement> settlements = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            settlements.add(settlement(rows));
          }
        }
        return settlements;
      }
    });
  }

  /** Binds "farmer_id = ? AND entry_date BETWEEN ? AND ?" from parameter {@code first} on. */
  private static void bindPeriod(PreparedStatement statement, int first, long farmerId, LocalDate start,
      LocalDate end) throws SQLException {
    statement.setLong(first, farmerId);
    statement.setDate(first + 1, Date.valueOf(start));
    statement.setDate(first + 2, Date.valueOf(end));
  }

  private static Settlement settlement(ResultSet rows) throws SQLException {
    Timestamp approvedAt = rows.getTimestamp(10);
    return new Settlement(rows.getLong(1), rows.getLong(2), rows.getDate(3).toLocalDate().toString(),
        rows.getDate(4).toLocalDate().toString(), rows.getBigDecimal(5), rows.getBigDecimal(6),
        rows.getBigDecimal(7), rows.getBigDecimal(8), rows.getString(9),
        approvedAt == null ? null : approvedAt.toInstant().toString());
  }
}
