package io.malar.agent.features.percentiles;

import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which spans share a key, and what the keys say. */
class SpanKeysTest {
  private final LatencySpanProcessor processor = new LatencySpanProcessor(1000);
  private final TestSpans spans = new TestSpans(processor);

  @Test
  void serverSpansAreKeyedByMethodRouteAndStatusClass() {
    spans.server("GET", "/farmers/*", 200, 10);
    spans.server("GET", "/farmers/*", 204, 10);
    spans.server("GET", "/farmers/*", 404, 10);
    spans.server("POST", "/farmers/*", 201, 10);
    spans.server("GET", "/entries", 200, 10);

    assertThat(counts(processor.families().get(0)))
        .containsOnly(
            Map.entry("GET /farmers/* 2xx", 2L),
            Map.entry("GET /farmers/* 4xx", 1L),
            Map.entry("POST /farmers/* 2xx", 1L),
            Map.entry("GET /entries 2xx", 1L));
  }

  @Test
  void sqlSpansAreKeyedByStatementAndRedisSpansByCommandAndServer() {
    spans.sql("h2", "SELECT", "farmers", "SELECT id FROM farmers WHERE phone = ?", 10);
    spans.sql("h2", "SELECT", "farmers", "SELECT id FROM farmers WHERE phone = ?", 10);
    spans.sql("h2", "SELECT", "farmers", "SELECT name FROM farmers WHERE id = ?", 10);
    spans.sql("postgresql", "SELECT", "farmers", "SELECT name FROM farmers WHERE id = ?", 10);
    spans.redis("GET", "cache-1", 10);
    spans.redis("GET", "cache-2", 10);
    spans.redis("GET", "cache-1", 10);

    assertThat(counts(processor.families().get(1)))
        .containsOnly(
            Map.entry("h2 SELECT id FROM farmers WHERE phone = ?", 2L),
            Map.entry("h2 SELECT name FROM farmers WHERE id = ?", 1L),
            Map.entry("postgresql SELECT name FROM farmers WHERE id = ?", 1L));
    assertThat(counts(processor.families().get(2))).containsOnly(Map.entry("GET cache-1", 2L), Map.entry("GET cache-2", 1L));

    Attributes sql = processor.families().get(1).keys().get(0).attributes();
    assertThat(sql.get(AttributeKey.stringKey("db.collection.name"))).isEqualTo("farmers");
    assertThat(sql.get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("SELECT");
    assertThat(sql.get(SqlKeys.FINGERPRINT)).matches("[0-9a-f]{16}").isEqualTo(QueryFingerprint.of("SELECT id FROM farmers WHERE phone = ?"));
  }

  @Test
  void longStatementsAreCutButKeptApartByTheirFingerprint() {
    String common = "SELECT " + "a, ".repeat(100);
    spans.sql("h2", "SELECT", "t", common + "b FROM t", 10);
    spans.sql("h2", "SELECT", "t", common + "c FROM t", 10);

    List<LatencyKey> keys = processor.families().get(1).keys();
    assertThat(keys).hasSize(3);
    assertThat(keys.get(0).attributes().get(DB_QUERY_TEXT)).hasSize(SqlKeys.MAX_TEXT).isEqualTo(keys.get(1).attributes().get(DB_QUERY_TEXT));
    assertThat(keys.get(0).attributes().get(SqlKeys.FINGERPRINT)).isNotEqualTo(keys.get(1).attributes().get(SqlKeys.FINGERPRINT));
  }

  private static Map<String, Long> counts(KeyFamily family) {
    new IntervalSwapper(List.of(family), (families, start, end) -> {}).swap();
    return family.keys().stream()
        .filter(key -> key.latest().count() > 0)
        .collect(Collectors.toMap(key -> RunTable.label(key.attributes()), key -> key.latest().count()));
  }
}
