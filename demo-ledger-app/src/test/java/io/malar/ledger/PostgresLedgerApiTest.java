package io.malar.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * The ledger on the machine's PostgreSQL (database test, its own schema, recreated) and Redis
 * services; skipped when they do not answer, except under CI=true.
 */
class PostgresLedgerApiTest extends LedgerApiContract {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "malar_ledger_test";

  @Override
  Map<String, String> environment() throws Exception {
    Services.require("PostgreSQL", 5432);
    Services.require("Redis", 6379);
    try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      for (String pattern : new String[] {"farmer:*", "summary:*", "queue:notifications"}) {
        Set<String> keys = jedis.keys(pattern);
        if (!keys.isEmpty()) {
          jedis.del(keys.toArray(new String[0]));
        }
      }
    }
    return Map.of("LEDGER_PORT", "0", "LEDGER_DB_URL", SERVER + "?currentSchema=" + SCHEMA, "LEDGER_DB_USER",
        "postgres", "LEDGER_DB_PASSWORD", "", "LEDGER_REDIS_URL", "redis://127.0.0.1:6379",
        "LEDGER_WHATSAPP_FAILURE_RATE", "0");
  }
}
