package io.malar.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingBatchTest {
  private final PendingBatch batch = new PendingBatch();

  @Test
  void oneShapeKeepsItsStatementAndText() {
    SanitizedSql insert = sql("INSERT INTO farmers (name) VALUES (?)");

    batch.add(insert);
    batch.add(insert);
    batch.add(insert);

    assertThat(batch.size()).isEqualTo(3);
    assertThat(batch.shape()).isSameAs(insert);
    assertThat(batch.queryText()).isEqualTo("INSERT INTO farmers (name) VALUES (?)");
  }

  @Test
  void differentTextsOfOneShapeAreJoined() {
    batch.add(sql("UPDATE farmers SET phone = 'x' WHERE id = 1"));
    batch.add(sql("UPDATE farmers SET name = 'y' WHERE id = 2"));
    batch.add(sql("UPDATE farmers SET phone = 'z' WHERE id = 3"));

    assertThat(batch.shape().spanName()).isEqualTo("UPDATE farmers");
    assertThat(batch.queryText())
        .isEqualTo("UPDATE farmers SET phone = ? WHERE id = ?; UPDATE farmers SET name = ? WHERE id = ?");
  }

  @Test
  void differentShapesHaveNoShape() {
    batch.add(sql("INSERT INTO farmers (name) VALUES ('a')"));
    batch.add(sql("DELETE FROM entries"));

    assertThat(batch.shape()).isNull();
    assertThat(batch.queryText()).isEqualTo("INSERT INTO farmers (name) VALUES (?); DELETE FROM entries");
  }

  @Test
  void anUnknownStatementBreaksTheShape() {
    batch.add(sql("DELETE FROM entries"));
    batch.add(null);

    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.shape()).isNull();
    assertThat(batch.queryText()).isEqualTo("DELETE FROM entries");
  }

  @Test
  void theJoinedTextIsBounded() {
    for (int i = 0; i < 50; i++) {
      batch.add(sql("DELETE FROM t" + i));
    }

    assertThat(batch.queryText()).startsWith("DELETE FROM t0; DELETE FROM t1; ").endsWith("; ...");
    assertThat(batch.queryText().split("; ")).hasSize(PendingBatch.MAX_OTHER_TEXTS + 2);
  }

  @Test
  void longTextsAreNeverCutInside() {
    String longName = "t".repeat(SqlSanitizer.MAX_LENGTH - 20);
    batch.add(sql("DELETE FROM " + longName));
    batch.add(sql("DELETE FROM other_" + longName));

    assertThat(batch.queryText()).isEqualTo("DELETE FROM " + longName + "; ...");
  }

  private static SanitizedSql sql(String text) {
    return SqlSanitizer.sanitize(text, SqlDialect.STANDARD);
  }
}
