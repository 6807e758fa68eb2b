package io.malar.agent.instrumentation.jdbc;

import static io.malar.agent.instrumentation.jdbc.SqlDialect.MYSQL;
import static io.malar.agent.instrumentation.jdbc.SqlDialect.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSanitizerTest {

  static Stream<Arguments> statements() {
    return Stream.of(
        // plain statements
        arguments(
            STANDARD,
            "SELECT * FROM farmers WHERE id = 42",
            "SELECT * FROM farmers WHERE id = ?",
            "SELECT",
            "farmers"),
        arguments(
            STANDARD,
            "select * from Farmers where id=1",
            "select * from Farmers where id=?",
            "SELECT",
            "Farmers"),
        arguments(STANDARD, "SELECT 1", "SELECT ?", "SELECT", null),
        arguments(
            STANDARD,
            "  SELECT\n\t a ,\r\n b   FROM   t  ",
            "SELECT a , b FROM t",
            "SELECT",
            "t"),
        // strings
        arguments(
            STANDARD,
            "SELECT name FROM farmers WHERE name = 'O''Brien' AND village = 'Kuppam'",
            "SELECT name FROM farmers WHERE name = ? AND village = ?",
            "SELECT",
            "farmers"),
        arguments(
            STANDARD,
            "SELECT E'it\\'s a secret', e'\\\\' AS s FROM dual",
            "SELECT ?, ? AS s FROM dual",
            "SELECT",
            "dual"),
        arguments(
            STANDARD,
            "SELECT X'1F', x'ab', B'1010', N'name', U&'d\\0061t' FROM t",
            "SELECT ?, ?, ?, ?, ? FROM t",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT 'C:\\' AS path, 'b' FROM t",
            "SELECT ? AS path, ? FROM t",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT $$secret body$$, $fn$ it's $$ nested $fn$ FROM t",
            "SELECT ?, ? FROM t",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "CREATE FUNCTION add_fee(a int) RETURNS int AS $body$ BEGIN RETURN a + 100; END"
                + " $body$ LANGUAGE plpgsql",
            "CREATE FUNCTION add_fee(a int) RETURNS int AS ? LANGUAGE plpgsql",
            "CREATE",
            null),
        arguments(
            STANDARD,
            "SELECT '42'::int, col::text FROM t",
            "SELECT ?::int, col::text FROM t",
            "SELECT",
            "t"),
        // quoted identifiers
        arguments(
            STANDARD,
            "SELECT \"Farmer Name\", \"id\" FROM \"Farmers\" WHERE \"id\" = 7",
            "SELECT \"Farmer Name\", \"id\" FROM \"Farmers\" WHERE \"id\" = ?",
            "SELECT",
            "Farmers"),
        arguments(
            STANDARD,
            "SELECT * FROM \"public\".\"Crop \"\"Plans\"\"\" WHERE season = :season",
            "SELECT * FROM \"public\".\"Crop \"\"Plans\"\"\" WHERE season = :season",
            "SELECT",
            "public.Crop \"Plans\""),
        arguments(
            STANDARD,
            "SELECT * FROM public.farmers WHERE id = $1",
            "SELECT * FROM public.farmers WHERE id = $1",
            "SELECT",
            "public.farmers"),
        // numbers
        arguments(
            STANDARD,
            "SELECT 1, 2.5, .5, 1e10, 1.5E-3, -7, 0xFF, 0b101 FROM t",
            "SELECT ?, ?, ?, ?, ?, -?, ?, ? FROM t",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT * FROM orders WHERE total > -5.5 AND x = 1 - 2",
            "SELECT * FROM orders WHERE total > -? AND x = ? - ?",
            "SELECT",
            "orders"),
        arguments(
            STANDARD,
            "SELECT * FROM t LIMIT 10 OFFSET 20",
            "SELECT * FROM t LIMIT ? OFFSET ?",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "UPDATE t SET active = TRUE, deleted = false, note = NULL WHERE id IS NOT NULL",
            "UPDATE t SET active = TRUE, deleted = false, note = NULL WHERE id IS NOT NULL",
            "UPDATE",
            "t"),
        // identifiers with digits, joins
        arguments(
            STANDARD,
            "SELECT t1.col3, table_2.x FROM t1 INNER JOIN table_2 ON t1.id = table_2.t1_id"
                + " WHERE t1.col3 > 100",
            "SELECT t1.col3, table_2.x FROM t1 INNER JOIN table_2 ON t1.id = table_2.t1_id"
                + " WHERE t1.col3 > ?",
            "SELECT",
            "t1"),
        // placeholders
        arguments(
            STANDARD,
            "SELECT a FROM t WHERE b = ? AND c = :name AND d = $2",
            "SELECT a FROM t WHERE b = ? AND c = :name AND d = $2",
            "SELECT",
            "t"),
        // IN lists
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE id IN (1, 2, 3)",
            "SELECT * FROM t WHERE id IN (?)",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE name in ('a','b', 'c') AND x = 1",
            "SELECT * FROM t WHERE name in (?) AND x = ?",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE id IN ( ?, ?, ? )",
            "SELECT * FROM t WHERE id IN (?)",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE id IN ($1, $2) OR id IN (:a, :b) OR id IN(-1, +2)",
            "SELECT * FROM t WHERE id IN (?) OR id IN (?) OR id IN(?)",
            "SELECT",
            "t"),
        arguments(
            STANDARD,
            "SELECT * FROM farmers WHERE id NOT IN (SELECT farmer_id FROM loans WHERE amount"
                + " > 50000)",
            "SELECT * FROM farmers WHERE id NOT IN (SELECT farmer_id FROM loans WHERE amount"
                + " > ?)",
            "SELECT",
            "farmers"),
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4)) AND c IN (lower('X'), 5)",
            "SELECT * FROM t WHERE (a, b) IN ((?, ?), (?, ?)) AND c IN (lower(?), ?)",
            "SELECT",
            "t"),
        // INSERT
        arguments(
            STANDARD,
            "INSERT INTO farmers (id, name) VALUES (1, 'Ravi'), (2, 'Lakshmi'),(3,'Anil')",
            "INSERT INTO farmers (id, name) VALUES (?, ?)",
            "INSERT",
            "farmers"),
        arguments(
            STANDARD,
            "INSERT INTO t VALUES (?,?,?)",
            "INSERT INTO t VALUES (?, ?, ?)",
            "INSERT",
            "t"),
        arguments(
            STANDARD,
            "INSERT INTO t (a, b) VALUES (1, now()), (2, now())",
            "INSERT INTO t (a, b) VALUES (?, now()), (?, now())",
            "INSERT",
            "t"),
        arguments(
            STANDARD,
            "INSERT INTO t (a) VALUES (1), (2) RETURNING id",
            "INSERT INTO t (a) VALUES (?) RETURNING id",
            "INSERT",
            "t"),
        arguments(
            STANDARD,
            "INSERT INTO archive (id) SELECT id FROM farmers WHERE created < '2020-01-01'",
            "INSERT INTO archive (id) SELECT id FROM farmers WHERE created < ?",
            "INSERT",
            "archive"),
        // UPDATE, DELETE, MERGE, CALL
        arguments(
            STANDARD,
            "UPDATE farmers SET phone = '9876543210', acres = 2.5 WHERE id = 10",
            "UPDATE farmers SET phone = ?, acres = ? WHERE id = ?",
            "UPDATE",
            "farmers"),
        arguments(
            STANDARD,
            "DELETE FROM loans WHERE due < 20240101",
            "DELETE FROM loans WHERE due < ?",
            "DELETE",
            "loans"),
        arguments(
            STANDARD,
            "MERGE INTO farmers f USING staging s ON f.id = s.id WHEN MATCHED THEN UPDATE SET"
                + " name = 'x' WHEN NOT MATCHED THEN INSERT (id) VALUES (5)",
            "MERGE INTO farmers f USING staging s ON f.id = s.id WHEN MATCHED THEN UPDATE SET"
                + " name = ? WHEN NOT MATCHED THEN INSERT (id) VALUES (?)",
            "MERGE",
            "farmers"),
        arguments(
            STANDARD,
            "CALL refresh_totals(2024, 'kharif')",
            "CALL refresh_totals(?, ?)",
            "CALL",
            null),
        arguments(
            STANDARD, "{call refresh_totals(?, ?)}", "{call refresh_totals(?, ?)}", "CALL", null),
        // WITH
        arguments(
            STANDARD,
            "WITH recent AS (SELECT * FROM loans WHERE year = 2024) SELECT r.id FROM recent r"
                + " JOIN farmers f ON f.id = r.farmer_id",
            "WITH recent AS (SELECT * FROM loans WHERE year = ?) SELECT r.id FROM recent r"
                + " JOIN farmers f ON f.id = r.farmer_id",
            "SELECT",
            "recent"),
        arguments(
            STANDARD,
            "WITH moved AS (DELETE FROM loans WHERE paid RETURNING *) INSERT INTO paid_loans"
                + " SELECT * FROM moved",
            "WITH moved AS (DELETE FROM loans WHERE paid RETURNING *) INSERT INTO paid_loans"
                + " SELECT * FROM moved",
            "INSERT",
            "paid_loans"),
        // DDL
        arguments(
            STANDARD,
            "CREATE TABLE IF NOT EXISTS crops (id BIGINT PRIMARY KEY, name VARCHAR(64) DEFAULT"
                + " 'none')",
            "CREATE TABLE IF NOT EXISTS crops (id BIGINT PRIMARY KEY, name VARCHAR(?) DEFAULT ?)",
            "CREATE",
            "crops"),
        arguments(
            STANDARD,
            "DROP TABLE IF EXISTS public.crops",
            "DROP TABLE IF EXISTS public.crops",
            "DROP",
            "public.crops"),
        arguments(
            STANDARD,
            "ALTER TABLE crops ADD COLUMN yield_t2 NUMERIC(10, 2)",
            "ALTER TABLE crops ADD COLUMN yield_t2 NUMERIC(?, ?)",
            "ALTER",
            "crops"),
        // collections that are not plain tables
        arguments(
            STANDARD,
            "SELECT count(*) FROM (SELECT id FROM farmers WHERE acres > 5) AS big",
            "SELECT count(*) FROM (SELECT id FROM farmers WHERE acres > ?) AS big",
            "SELECT",
            null),
        arguments(
            STANDARD,
            "SELECT * FROM generate_series(1, 10)",
            "SELECT * FROM generate_series(?, ?)",
            "SELECT",
            null),
        // comments
        arguments(
            STANDARD,
            "SELECT /* password=hunter2 */ id -- token 12345\nFROM farmers /*+ INDEX(farmers"
                + " idx) */ WHERE id = 1",
            "SELECT id FROM farmers WHERE id = ?",
            "SELECT",
            "farmers"),
        arguments(
            STANDARD,
            "/* app: billing */ SELECT 1 /* outer /* inner secret */ still secret */ FROM t",
            "SELECT ? FROM t",
            "SELECT",
            "t"),
        // unterminated
        arguments(
            STANDARD,
            "SELECT * FROM t WHERE name = 'Lakshmi AND id = 5",
            "SELECT * FROM t WHERE name = ?",
            "SELECT",
            "t"),
        arguments(
            STANDARD, "SELECT id FROM t /* secret 999", "SELECT id FROM t", "SELECT", "t"),
        arguments(STANDARD, "SELECT $x$ secret 999", "SELECT ?", "SELECT", null),
        arguments(STANDARD, "SELECT \"abc FROM t WHERE 1", "SELECT ?", "SELECT", null),
        // empty and odd input
        arguments(STANDARD, "", "", null, null),
        arguments(STANDARD, null, "", null, null),
        arguments(STANDARD, " \n -- only a comment", "", null, null),
        arguments(STANDARD, "'secret' || name", "? || name", null, null),
        // MySQL
        arguments(
            MYSQL,
            "SELECT * FROM users WHERE name = 'O\\'Reilly' AND note = 'a''b'",
            "SELECT * FROM users WHERE name = ? AND note = ?",
            "SELECT",
            "users"),
        arguments(
            MYSQL,
            "SELECT * FROM users WHERE email = \"lakshmi@example.com\" OR nick = \"a \\\" b\"",
            "SELECT * FROM users WHERE email = ? OR nick = ?",
            "SELECT",
            "users"),
        arguments(
            MYSQL,
            "SELECT `id`, `first name` FROM `shop`.`users` WHERE `id` = 3",
            "SELECT `id`, `first name` FROM `shop`.`users` WHERE `id` = ?",
            "SELECT",
            "shop.users"),
        arguments(
            MYSQL,
            "SELECT id FROM users # owner: secret 123\nWHERE id = 1",
            "SELECT id FROM users WHERE id = ?",
            "SELECT",
            "users"),
        arguments(
            MYSQL,
            "/*!40101 SET NAMES utf8 */ SELECT _utf8mb4'secret' COLLATE utf8mb4_bin, 0x4142"
                + " FROM t",
            "SELECT ? COLLATE utf8mb4_bin, ? FROM t",
            "SELECT",
            "t"),
        arguments(
            MYSQL,
            "INSERT INTO t (a, b) VALUES (1, \"x\"), (2, \"y\") ON DUPLICATE KEY UPDATE b ="
                + " VALUES(b)",
            "INSERT INTO t (a, b) VALUES (?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b)",
            "INSERT",
            "t"),
        arguments(
            MYSQL,
            "DELETE FROM `audit log` WHERE ts < NOW() - INTERVAL 30 DAY",
            "DELETE FROM `audit log` WHERE ts < NOW() - INTERVAL ? DAY",
            "DELETE",
            "audit log"),
        arguments(
            MYSQL,
            "UPDATE users SET bio = 'line\\nbreak\\\\' WHERE id IN (1,2)",
            "UPDATE users SET bio = ? WHERE id IN (?)",
            "UPDATE",
            "users"),
        arguments(
            MYSQL,
            "SELECT * FROM t WHERE a = 'abc\\' AND b = 7",
            "SELECT * FROM t WHERE a = ?",
            "SELECT",
            "t"));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void sanitizes(
      SqlDialect dialect, String sql, String text, String operation, String collection) {
    SanitizedSql result = SqlSanitizer.sanitize(sql, dialect);

    assertThat(result.text()).isEqualTo(text);
    assertThat(result.operation()).isEqualTo(operation);
    assertThat(result.collection()).isEqualTo(collection);
  }

  @Test
  void commentsWithSecretsAreRemoved() {
    String sql =
        "SELECT a -- api_key=abc123\n, b /* pwd: hunter2 */ FROM t # token xyz789\n WHERE c = 1";

    assertThat(SqlSanitizer.sanitize(sql, MYSQL).text())
        .isEqualTo("SELECT a , b FROM t WHERE c = ?");
  }

  @Test
  void dialectFollowsDbSystem() {
    assertThat(SqlDialect.forSystem("mysql")).isEqualTo(MYSQL);
    assertThat(SqlDialect.forSystem("mariadb")).isEqualTo(MYSQL);
    assertThat(SqlDialect.forSystem("postgresql")).isEqualTo(STANDARD);
    assertThat(SqlDialect.forSystem("h2")).isEqualTo(STANDARD);
    assertThat(SqlDialect.forSystem(null)).isEqualTo(STANDARD);
  }

  @Test
  void doubleQuotesDependOnDialect() {
    String sql = "SELECT \"name\" FROM t";

    assertThat(SqlSanitizer.sanitize(sql, STANDARD).text()).isEqualTo("SELECT \"name\" FROM t");
    assertThat(SqlSanitizer.sanitize(sql, MYSQL).text()).isEqualTo("SELECT ? FROM t");
  }

  @Test
  void spanNameCombinesOperationAndCollection() {
    assertThat(SqlSanitizer.sanitize("SELECT * FROM farmers", STANDARD).spanName())
        .isEqualTo("SELECT farmers");
    assertThat(SqlSanitizer.sanitize("CALL f(1)", STANDARD).spanName()).isEqualTo("CALL");
    assertThat(SqlSanitizer.sanitize("", STANDARD).spanName()).isNull();
  }

  @Test
  void valueSemantics() {
    SanitizedSql a = SqlSanitizer.sanitize("SELECT * FROM t WHERE id = 1", STANDARD);
    SanitizedSql b = SqlSanitizer.sanitize("SELECT * FROM t WHERE id = 2", STANDARD);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SqlSanitizer.sanitize("SELECT * FROM u WHERE id = 1", STANDARD));
    assertThat(a.toString()).contains("SELECT * FROM t WHERE id = ?", "SELECT", "t");
  }

  @Test
  void hugeStatementIsTruncatedAfterSanitizing() {
    StringBuilder sql = new StringBuilder("SELECT * FROM big WHERE ");
    for (int i = 0; i < 500; i++) {
      sql.append("(name = 'Lakshmi 9876543210' OR code = 12345) AND ");
    }
    sql.append("id = '").append("9".repeat(5000)).append("'");

    SanitizedSql result = SqlSanitizer.sanitize(sql.toString(), STANDARD);

    assertThat(result.text())
        .hasSize(SqlSanitizer.MAX_LENGTH + 3)
        .startsWith("SELECT * FROM big WHERE (name = ? OR code = ?) AND")
        .endsWith("...")
        .doesNotContain("Lakshmi")
        .doesNotContainPattern("\\d");
    assertThat(result.spanName()).isEqualTo("SELECT big");
  }

  @Test
  void listsThatCrossTheCutCollapseAsIfNothingWereCut() {
    String in = "SELECT * FROM t WHERE id IN (" + "12345, ".repeat(1000) + "6) AND b = 'x'";
    assertThat(SqlSanitizer.sanitize(in, STANDARD).text()).isEqualTo("SELECT * FROM t WHERE id IN (?) AND b = ?");

    // the list opens before the cut and its elements run past it; collapsed, all of it fits
    String columns = "SELECT " + "a, ".repeat(600) + "b FROM t WHERE id IN (";
    String late = columns + "12345, ".repeat(1000) + "6) AND b = 'x'";
    assertThat(SqlSanitizer.sanitize(late, MYSQL).text()).isEqualTo(columns + "?) AND b = ?");
  }

  @Test
  void hugeLiteralNeverLeaksThroughTheCut() {
    String sql = "SELECT '" + "4111 1111 ".repeat(1000) + "' FROM t";

    assertThat(SqlSanitizer.sanitize(sql, MYSQL).text()).isEqualTo("SELECT ? FROM t");
  }

  static Stream<Arguments> secrets() {
    String[] values = {
      "+91 98765 43210",
      "9876543210",
      "lakshmi.devi@example.co.in",
      "Lakshmi",
      "4111 1111 1111 1111",
      "4111111111111111",
      "O'Brien 555-0199"
    };
    String[] standard = {
      "SELECT * FROM farmers WHERE phone = '%s'",
      "SELECT * FROM farmers WHERE phone IN ('x', '%s', 'y')",
      "INSERT INTO farmers (name, phone) VALUES ('a', '%s'), ('%s', 'b')",
      "UPDATE farmers SET note = E'it\\'s %s' WHERE id = ?",
      "SELECT $$%s$$ FROM t",
      "SELECT $tag$ %s $tag$ FROM t",
      "SELECT N'%s', U&'%s' FROM t",
      "-- %s\nSELECT a FROM t",
      "SELECT a /* %s */ FROM t",
      "SELECT a /* nested /* %s */ %s */ FROM t",
      "SELECT * FROM t WHERE a = 'x''%s'''",
      "SELECT * FROM t WHERE a = '%s",
      "SELECT * FROM t /* %s",
    };
    String[] mysql = {
      "SELECT * FROM users WHERE email = \"%s\"",
      "SELECT * FROM users WHERE email = '%s' AND b = \"%s\"",
      "SELECT * FROM users WHERE a = 'it\\'s \\\\ %s'",
      "SELECT * FROM users WHERE a = \"say \\\"%s\\\"\"",
      "SELECT a FROM t # %s\nWHERE b = _utf8mb4'%s'",
      "INSERT INTO t VALUES (\"%s\", 1), ('%s', 2)",
      "SELECT * FROM t WHERE a = \"%s",
    };
    String[] numeric = {
      "SELECT * FROM t WHERE phone = %s",
      "SELECT * FROM t WHERE phone IN (%s, %s)",
      "UPDATE t SET phone = -%s WHERE x = 1",
    };
    List<Arguments> cases = new ArrayList<>();
    for (String value : values) {
      // a quote inside a value must be written the way each position escapes it
      for (String template : standard) {
        String escaped = template.contains("$") ? value : value.replace("'", "''");
        cases.add(arguments(STANDARD, template.replace("%s", escaped), value));
      }
      for (String template : mysql) {
        cases.add(
            arguments(
                MYSQL,
                template.replace("%s", value.replace("'", "\\'").replace("\"", "\\\"")),
                value));
      }
      if (value.matches("[+0-9 ]+")) {
        for (String template : numeric) {
          cases.add(arguments(STANDARD, template.replace("%s", value), value));
          cases.add(arguments(MYSQL, template.replace("%s", value), value));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void neverLeaksLiterals(SqlDialect dialect, String sql, String value) {
    String text = SqlSanitizer.sanitize(sql, dialect).text();

    assertThat(text.toLowerCase()).doesNotContain(value.toLowerCase()).doesNotContain("lakshmi");
    Matcher digits = Pattern.compile("\\d{3,}").matcher(value);
    while (digits.find()) {
      assertThat(text).doesNotContain(digits.group());
    }
    assertThat(text).doesNotContainPattern("\\d");
  }

  @Test
  void neverThrowsOnGarbage() {
    String alphabet = "'\"`$-/*#\\ ()?:,.0123456789abcEXN_&\n\u00e9\ud83d\ude00";
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sql = new StringBuilder();
      int size = random.nextInt(40);
      for (int j = 0; j < size; j++) {
        sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (SqlDialect dialect : SqlDialect.values()) {
        SanitizedSql result = SqlSanitizer.sanitize(sql.toString(), dialect);
        assertThat(result.text().length()).isLessThanOrEqualTo(SqlSanitizer.MAX_LENGTH + 3);
      }
    }
  }
}
