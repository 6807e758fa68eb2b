package io.malar.ledger.notifications;

import io.malar.ledger.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Notifications in the database. */
public final class NotificationRepository {
  public static final String QUEUED = "queued";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";

  private static final String SELECT =
      "SELECT id, farmer_id, kind, message, status, attempts, error, created_at, sent_at FROM notifications";

  private final DataSource dataSource;

  public NotificationRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a queued notice; the caller pushes the returned id onto the queue once committed. */
  public static long insert(Connection connection, long farmerId, String kind, String message) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notifications (farmer_id, kind, message, status) VALUES (?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, farmerId);
      insert.setString(2, kind);
      insert.setString(3, message);
      insert.setString(4, QUEUED);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public Notification find(long id) {
    return Transactions.withConnection(dataSource, connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? notification(rows) : null;
        }
      }
    });
  }

  /** The newest notifications, of one status when {@code status} is not null. */
  public List<Notification> list(String status, int limit) {
    return Transactions.withConnection(dataSource, connection -> {
      String where = status == null ? "" : " WHERE status = ?";
      try (PreparedStatement select = connection.prepareStatement(SELECT + where + " ORDER BY id DESC LIMIT ?")) {
        int index = 1;
        if (status != null) {
          select.setString(index++, status);
        }
        select.setInt(index, limit);
        List<Notification> notifications = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            notifications.add(notification(rows));
          }
        }
        return notifications;
      }
    });
  }

  public void recordAttempt(long id, boolean sent, String error) {
    Transactions.withConnection(dataSource, connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE notifications"
          + " SET status = ?, attempts = attempts + 1, error = ?, sent_at = ? WHERE id = ?")) {
        update.setString(1, sent ? SENT : FAILED);
        update.setString(2, error);
        update.setTimestamp(3, sent ? new Timestamp(System.currentTimeMillis()) : null);
        update.setLong(4, id);
        return update.executeUpdate();
      }
    });
  }

  private static Notification notification(ResultSet rows) throws SQLException {
    Timestamp sentAt = rows.getTimestamp(9);
    return new Notification(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
        rows.getString(5), rows.getInt(6), rows.getString(7), rows.getTimestamp(8).toInstant().toString(),
        sentAt == null ? null : sentAt.toInstant().toString());
  }
}
