package io.malar.agent.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
  @Test
  void h2EchoesTheStatement() {
    String message =
        "Column \"NMAE\" not found; SQL statement:\nSELECT * FROM farmers WHERE nmae = 'Selvi-Secret' AND id = 4711 [42122-232]";
    assertThat(SqlLiterals.scrub(message))
        .isEqualTo("Column \"NMAE\" not found; SQL statement:\nSELECT * FROM farmers WHERE nmae = ? AND id = ? [?-?]")
        .doesNotContain("Selvi", "4711");
  }

  @Test
  void mysqlNestsQuotes() {
    String message = "You have an error in your SQL syntax; check the manual near ''Selvi' WHERE x = 'y'' at line 1";
    assertThat(SqlLiterals.scrub(message)).isEqualTo("You have an error in your SQL syntax; check the manual near ? at line ?");
  }

  @Test
  void postgresqlDetailsKeepTheColumnsNotTheValues() {
    String message =
        "ERROR: duplicate key value violates unique constraint \"farmers_phone_key\"\n  Detail: Key (phone)=(98765 43210) already exists.";
    assertThat(SqlLiterals.scrub(message))
        .isEqualTo("ERROR: duplicate key value violates unique constraint \"farmers_phone_key\"\n  Detail: Key (phone)=(?) already exists.");
  }

  @Test
  void namesWithDigitsStayAndDecimalsGoWhole() {
    assertThat(SqlLiterals.scrub("table t2 has no row where price = 12.50")).isEqualTo("table t2 has no row where price = ?");
    assertThat(SqlLiterals.scrub(null)).isNull();
  }
}
