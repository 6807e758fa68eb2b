package io.malar.agent.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
  private static final long SEED = 20261130L;
  private static final String MARKER = "qzxv";

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

  @Test
  void aLiteralThatSpansLinesIsHiddenOnEveryLine() {
    String message =
        "Value too long; SQL statement:\nINSERT INTO notes VALUES ('first line\nSecond-Secret line', 4711) [22001-232]";
    assertThat(SqlLiterals.scrub(message))
        .isEqualTo("Value too long; SQL statement:\nINSERT INTO notes VALUES (?\n?, ?) [?-?]")
        .doesNotContain("first", "Secret", "4711");
    assertThat(SqlLiterals.scrub("near 'a\nb\nc' at line 3")).isEqualTo("near ?\n?\n? at line ?");
  }

  /**
   * Seeded messages that echo one quoted literal (doubled quotes inside, line breaks anywhere)
   * between lines of plain text: the marker inside the literal never survives.
   */
  @Test
  void noQuotedTextSurvivesWhereverItsLinesBreak() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      String literal = "'" + text(random, "ab ,;()=-.\n\r'").replace("'", "''") + MARKER + text(random, "ab \n'").replace("'", "''") + "'";
      String message = text(random, "SELECT FROM x=(),.\n") + literal + text(random, "ab WHERE\n;");
      assertThat(SqlLiterals.scrub(message)).as("seed %d try %d: %s", SEED, i, message).doesNotContain(MARKER);
    }
  }

  private static String text(Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
