package io.malar.ledger.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.malar.ledger.LedgerConfig;

/** The connection pool for H2 (default) or PostgreSQL (LEDGER_DB_URL). */
public final class Database {
  private Database() {}

  public static HikariDataSource open(LedgerConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("ledger");
    hikari.setJdbcUrl(config.databaseUrl());
    hikari.setUsername(config.databaseUser());
    hikari.setPassword(config.databasePassword());
    hikari.setMaximumPoolSize(10);
    hikari.setConnectionTimeout(5_000);
    return new HikariDataSource(hikari);
  }
}
