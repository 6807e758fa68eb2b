package io.malar.agent.core.slowcalls;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Counters of slow calls and N+1 repetitions per statement fingerprint. They count every
 * occurrence, including those whose warning line the rate limit held back.
 */
final class SlowCallMetrics {
  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

  private final LongCounter slowQueries;
  private final LongCounter nPlusOne;

  SlowCallMetrics(Meter meter) {
    slowQueries =
        meter
            .counterBuilder("malar.db.slow_queries")
            .setDescription("JDBC calls and Redis commands at or over their slow threshold, per statement")
            .setUnit("{call}")
            .build();
    nPlusOne =
        meter
            .counterBuilder("malar.db.n_plus_one")
            .setDescription("Requests that ran one statement at least the N+1 threshold times, per statement and route")
            .setUnit("{request}")
            .build();
  }

  void slowCall(String system, String statement) {
    slowQueries.add(1, Attributes.of(DB_SYSTEM_NAME, system, DB_QUERY_TEXT, statement));
  }

  void nPlusOne(String system, String statement, String route) {
    Attributes attributes =
        route == null
            ? Attributes.of(DB_SYSTEM_NAME, system, DB_QUERY_TEXT, statement)
            : Attributes.of(DB_SYSTEM_NAME, system, DB_QUERY_TEXT, statement, HTTP_ROUTE, route);
    nPlusOne.add(1, attributes);
  }
}
