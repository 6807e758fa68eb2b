package io.malar.agent.instrumentation.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Sanitizes each distinct statement once. Bounded, because an application that builds its SQL
 * with literals makes a new statement per call; past the bound statements are sanitized uncached.
 */
final class SanitizedSqlCache {
  static final int MAX_ENTRIES = 1000;

  // one map per dialect, so a lookup needs no composite key
  private final ConcurrentHashMap<String, SanitizedSql> standard = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SanitizedSql> mysql = new ConcurrentHashMap<>();

  SanitizedSql sanitize(String sql, SqlDialect dialect) {
    ConcurrentHashMap<String, SanitizedSql> cache = dialect == SqlDialect.MYSQL ? mysql : standard;
    SanitizedSql sanitized = cache.get(sql);
    if (sanitized == null) {
      sanitized = SqlSanitizer.sanitize(sql, dialect);
      if (standard.size() + mysql.size() < MAX_ENTRIES) {
        cache.put(sql, sanitized);
      }
    }
    return sanitized;
  }
}
