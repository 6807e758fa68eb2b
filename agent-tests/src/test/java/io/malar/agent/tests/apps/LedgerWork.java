package io.malar.agent.tests.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * What the test servlets do, free of any servlet API: H2 through HikariCP, and Redis when a port
 * is given with {@code -Dtest.redis.port}. The literals are ones that must never be exported.
 */
public final class LedgerWork {
  public static final String PHONE = "+91 98765 43210";
  public static final String NAME = "Lakshmi";
  public static final String CACHED_VALUE = "cached-farmer-secret-value";

  private final HikariDataSource pool;
  private final JedisPool redis;

  public LedgerWork() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS farmers (id INT PRIMARY KEY, name VARCHAR(80), phone VARCHAR(20))");
      statement.execute("MERGE INTO farmers KEY (id) VALUES (42, '" + NAME + "', '" + PHONE + "')");
    }
    String redisPort = System.getProperty("test.redis.port");
    redis = redisPort == null ? null : new JedisPool("127.0.0.1", Integer.parseInt(redisPort));
  }

  /** One prepared query, one plain query with literals, and a Redis GET and SETEX. */
  public String farmer(int id) throws SQLException {
    String name;
    try (Connection connection = pool.getConnection()) {
      try (PreparedStatement byId = connection.prepareStatement("SELECT name FROM farmers WHERE id = ?")) {
        byId.setInt(1, id);
        try (ResultSet rows = byId.executeQuery()) {
          name = rows.next() ? rows.getString(1) : null;
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT id FROM farmers WHERE phone = '" + PHONE + "' AND name = '" + NAME + "'")) {
        rows.next();
      }
    }
    if (redis != null) {
      try (Jedis jedis = redis.getResource()) {
        jedis.get("farmer:" + id);
        jedis.setex("farmer:" + id, 60, CACHED_VALUE);
      }
    }
    return "{\"id\":" + id + ",\"name\":\"" + name + "\"}";
  }

  public static int idFrom(String pathInfo) {
    return pathInfo == null || pathInfo.length() < 2 ? 0 : Integer.parseInt(pathInfo.substring(1));
  }
}
