package io.malar.agent.instrumentation.jdbc;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sanitizing a statement of {@code size} characters built in one {@code shape}: at two sizes ten
 * times apart, a linear sanitizer takes ten times as long. The shapes are those that make a scanner
 * look back or rescan: long lists, many rows, long and unterminated literals, comment openings,
 * dollar signs that almost open a tag, a dollar-quoted body full of near misses of its closing tag.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SqlSanitizerBenchmark {
  @Param({"100000", "1000000"})
  public int size;

  @Param({"inList", "valuesRows", "longString", "unterminatedString", "commentOpenings", "dollarSigns", "dollarTagNearMisses", "dottedName", "mixed"})
  public String shape;

  private String sql;

  @Setup
  public void build() {
    sql = statement(shape, size);
  }

  @Benchmark
  public SanitizedSql standard() {
    return SqlSanitizer.sanitize(sql, SqlDialect.STANDARD);
  }

  @Benchmark
  public SanitizedSql mysql() {
    return SqlSanitizer.sanitize(sql, SqlDialect.MYSQL);
  }

  static String statement(String shape, int size) {
    StringBuilder sql = new StringBuilder(size + 64);
    switch (shape) {
      case "inList":
        sql.append("SELECT * FROM farmers WHERE id IN (1");
        repeat(sql, size, ", 123456");
        return sql.append(')').toString();
      case "valuesRows":
        sql.append("INSERT INTO entries (farmer_id, kg, note) VALUES (1, 2.5, 'a')");
        repeat(sql, size, ", (42, 17.25, 'roses ''red''')");
        return sql.toString();
      case "longString":
        sql.append("SELECT 'x");
        repeat(sql, size, "it''s a secret \\ ");
        return sql.append("' FROM t").toString();
      case "unterminatedString":
        sql.append("SELECT a FROM t WHERE b = 'never closed ");
        repeat(sql, size, "secret ");
        return sql.toString();
      case "commentOpenings":
        sql.append("SELECT a FROM t ");
        repeat(sql, size, "/* /* ");
        return sql.toString();
      case "dollarSigns":
        sql.append("SELECT ");
        repeat(sql, size, "$a $1 $b$ x $$ ");
        return sql.toString();
      case "dollarTagNearMisses":
        // one string whose body repeats its long closing tag but for the last $: a tag search that
        // went back to the opening tag after each miss would be quadratic
        String tag = "$" + "tag_".repeat(16) + "$";
        sql.append("SELECT ").append(tag);
        repeat(sql, size - tag.length(), tag.substring(0, tag.length() - 1) + " ");
        return sql.append(tag).append(" FROM t").toString();
      case "dottedName":
        sql.append("SELECT * FROM ");
        repeat(sql, size, "schema.");
        return sql.append("t").toString();
      case "mixed":
        sql.append("SELECT f.id, f.name FROM farmers f WHERE ");
        repeat(sql, size, "f.name = E'O\\'Brien' AND f.village <> $$Kuppam$$ -- note\n OR f.id IN (1, 2, 3) /* c */ AND ");
        return sql.append("TRUE").toString();
      default:
        throw new IllegalArgumentException(shape);
    }
  }

  private static void repeat(StringBuilder sql, int size, String part) {
    while (sql.length() + part.length() < size) {
      sql.append(part);
    }
  }
}
