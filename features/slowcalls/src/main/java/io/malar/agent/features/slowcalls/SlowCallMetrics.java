package io.malar.agent.features.slowcalls;

import static io.opentelemetry.semconv.DbAttributes.DB_QUERY_TEXT;
import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Counters of slow calls and N+1 repetitions per statement fingerprint. They count every
 * occurrence, including those whose warning line the rate limit held back.
 */
final class SlowCallMetrics {

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
