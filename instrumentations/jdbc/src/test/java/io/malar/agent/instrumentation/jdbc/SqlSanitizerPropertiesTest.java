package io.malar.agent.instrumentation.jdbc;

import static io.malar.agent.instrumentation.jdbc.GeneratedSql.DIGITS;
import static io.malar.agent.instrumentation.jdbc.GeneratedSql.MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the sanitizer over thousands of generated statements: no literal or comment of the
 * input survives, and no input makes it throw. The seed is fixed so a failure repeats; it is printed
 * with the statement that broke the property.
 */
class SqlSanitizerPropertiesTest {
  private static final int TRIES = 20_000;
  private static final long SEED = 20261130L;

  @Test
  void noLiteralOfTheStandardDialectSurvives() {
    assertNoLiteralSurvives(SqlDialect.STANDARD, GeneratedSql::standard);
  }

  @Test
  void noLiteralOfTheMysqlDialectSurvives() {
    assertNoLiteralSurvives(SqlDialect.MYSQL, GeneratedSql::mysql);
  }

  @Test
  void anyTextIsSanitizedWithoutThrowingAndCutToTheLimit() {
    Random random = new Random(SEED);
    for (int i = 0; i < TRIES; i++) {
      String sql = i % 2 == 0 ? GeneratedSql.anyText(random, random.nextInt(300)) : sqlCharacters(random);
      for (SqlDialect dialect : SqlDialect.values()) {
        SanitizedSql sanitized = SqlSanitizer.sanitize(sql, dialect);
        assertThat(sanitized.text().length()).as("seed %d try %d: %s", SEED, i, sql).isLessThanOrEqualTo(SqlSanitizer.MAX_LENGTH + 3);
      }
    }
  }

  private static void assertNoLiteralSurvives(SqlDialect dialect, Function<Random, GeneratedSql> generator) {
    GeneratedSql statements = generator.apply(new Random(SEED));
    for (int i = 0; i < TRIES; i++) {
      String sql = statements.next();
      String text = SqlSanitizer.sanitize(sql, dialect).text();
      assertThat(text.toLowerCase(Locale.ROOT)).as("seed %d try %d: %s", SEED, i, sql).doesNotContain(MARKER);
      assertThat(text.chars().filter(Character::isDigit).count())
          .as("digits of %s in %s from %s (seed %d try %d)", DIGITS, text, sql, SEED, i)
          .isZero();
    }
  }

  /** Short runs of the characters that open and close literals and comments, in any order. */
  private static String sqlCharacters(Random random) {
    String alphabet = "'\"`$\\/*-#?:()E,x0.\n eN_&U";
    StringBuilder sql = new StringBuilder();
    for (int i = random.nextInt(60); i > 0; i--) {
      sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sql.toString();
  }

  @Test
  void aNameLongerThanAnyTableIsNoCollection() {
    String dotted = "s.".repeat(SqlSanitizer.MAX_COLLECTION_LENGTH) + "t";
    SanitizedSql sanitized = SqlSanitizer.sanitize("SELECT * FROM " + dotted + " WHERE a = 1", SqlDialect.STANDARD);
    assertThat(sanitized.collection()).isNull();
    assertThat(sanitized.spanName()).isEqualTo("SELECT");
    assertThat(SqlSanitizer.sanitize("SELECT * FROM " + "s.".repeat(200) + "t", SqlDialect.STANDARD).collection())
        .isEqualTo("s.".repeat(200) + "t");
  }
}
