package io.malar.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizedSqlCacheTest {
  private final SanitizedSqlCache cache = new SanitizedSqlCache();

  @Test
  void sanitizesEachStatementOnce() {
    SanitizedSql first = cache.sanitize("SELECT * FROM farmers WHERE id = 7", SqlDialect.STANDARD);

    assertThat(cache.sanitize("SELECT * FROM farmers WHERE id = 7", SqlDialect.STANDARD)).isSameAs(first);
    assertThat(first.text()).isEqualTo("SELECT * FROM farmers WHERE id = ?");
  }

  @Test
  void theDialectIsPartOfTheKey() {
    String sql = "SELECT \"Lakshmi\" FROM farmers";

    assertThat(cache.sanitize(sql, SqlDialect.STANDARD).text()).isEqualTo(sql);
    assertThat(cache.sanitize(sql, SqlDialect.MYSQL).text()).isEqualTo("SELECT ? FROM farmers");
  }

  @Test
  void pastTheBoundStatementsAreStillSanitized() {
    for (int i = 0; i < SanitizedSqlCache.MAX_ENTRIES; i++) {
      cache.sanitize("SELECT " + i, SqlDialect.STANDARD);
    }

    SanitizedSql uncached = cache.sanitize("DELETE FROM farmers WHERE phone = '9840012345'", SqlDialect.STANDARD);

    assertThat(uncached.text()).isEqualTo("DELETE FROM farmers WHERE phone = ?");
    assertThat(cache.sanitize("DELETE FROM farmers WHERE phone = '9840012345'", SqlDialect.STANDARD))
        .isNotSameAs(uncached)
        .isEqualTo(uncached);
  }
}
