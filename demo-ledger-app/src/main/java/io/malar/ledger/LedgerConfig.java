package io.malar.ledger;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** The ledger's settings, read from environment variables (a map, so tests can pass their own). */
public final class LedgerConfig {
  private final Map<String, String> env;

  public LedgerConfig(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static LedgerConfig fromEnvironment() {
    return new LedgerConfig(System.getenv());
  }

  /** LEDGER_PORT, default 8080; 0 picks a free port (printed in the READY line). */
  public int port() {
    return number("LEDGER_PORT", "8080", Integer::parseInt);
  }

  /** LEDGER_BIND_ADDRESS, default 127.0.0.1. */
  public String bindAddress() {
    return get("LEDGER_BIND_ADDRESS", "127.0.0.1");
  }

  /** LEDGER_DATA_DIR, default ./data: where the default H2 database lives. */
  public Path dataDir() {
    return Path.of(get("LEDGER_DATA_DIR", "data"));
  }

  /** LEDGER_DB_URL, else an H2 file database under the data directory. */
  public String databaseUrl() {
    String url = env.get("LEDGER_DB_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    return "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  public String databaseUser() {
    return get("LEDGER_DB_USER", "ledger");
  }

  public String databasePassword() {
    return get("LEDGER_DB_PASSWORD", "");
  }

  /** LEDGER_REDIS_URL (redis://host:port), else null: the ledger starts its own redis-server. */
  public String redisUrl() {
    String url = env.get("LEDGER_REDIS_URL");
    return url == null || url.isBlank() ? null : url;
  }

  /** LEDGER_WHATSAPP_FAILURE_RATE, default 0.05: the share of simulated WhatsApp sends that fail. */
  public double whatsappFailureRate() {
    return number("LEDGER_WHATSAPP_FAILURE_RATE", "0.05", Double::parseDouble);
  }

  /** LEDGER_SEED, default true: seed farmers, their advances and 30 days of entries into an empty database. */
  public boolean seed() {
    return Boolean.parseBoolean(get("LEDGER_SEED", "true"));
  }

  /** LEDGER_ENVIRONMENT, default demo: reported by /health. */
  public String environment() {
    return get("LEDGER_ENVIRONMENT", "demo");
  }

  private <T> T number(String key, String otherwise, Function<String, T> parse) {
    String value = get(key, otherwise);
    try {
      return parse.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a number", e);
    }
  }

  private String get(String key, String otherwise) {
    String value = env.get(key);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
