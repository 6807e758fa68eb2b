package io.malar.agent.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.malar.agent.core.errors.SqlLiterals;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.sql.SQLException;

/** What a JDBC span of a failed call must show: the error, and the exception without literals. */
final class FailedCallAssertions {
  private FailedCallAssertions() {}

  static void assertFailedCall(SpanData span, String name, SQLException thrown) {
    assertThat(span)
        .hasName(name)
        .hasStatus(StatusData.error())
        .hasAttribute(AttributeKey.stringKey("error.type"), thrown.getClass().getName())
        .hasAttribute(AttributeKey.stringKey("db.response.status_code"), thrown.getSQLState())
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(AttributeKey.stringKey("exception.type"), thrown.getClass().getName()),
                        equalTo(AttributeKey.stringKey("exception.message"), SqlLiterals.scrub(thrown.getMessage()))));
  }
}
