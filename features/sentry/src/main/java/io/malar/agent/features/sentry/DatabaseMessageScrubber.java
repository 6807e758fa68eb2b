package io.malar.agent.features.sentry;

import io.malar.agent.core.errors.ErrorCategory;
import io.malar.agent.core.errors.SqlLiterals;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryException;
import java.sql.SQLException;
import java.util.List;

/**
 * When an event's cause chain holds a database error, every exception message in it loses its
 * literals: drivers echo the statement and its values, and wrappers repeat the driver's message.
 * The SQLState, which carries no data, is kept as a tag.
 */
final class DatabaseMessageScrubber implements EventProcessor {
  private static final int MAX_CAUSES = 16;

  @Override
  public SentryEvent process(SentryEvent event, Hint hint) {
    Throwable thrown = event.getThrowable();
    if (thrown == null || !ErrorCategory.hasDatabaseCause(thrown)) {
      return event;
    }
    List<SentryException> exceptions = event.getExceptions();
    if (exceptions != null) {
      for (SentryException exception : exceptions) {
        exception.setValue(SqlLiterals.scrub(exception.getValue()));
      }
    }
    String sqlState = sqlState(thrown);
    if (sqlState != null) {
      event.setTag("db.response.status_code", sqlState);
    }
    return event;
  }

  private static String sqlState(Throwable thrown) {
    Throwable current = thrown;
    for (int i = 0; current != null && i < MAX_CAUSES; i++, current = current.getCause()) {
      if (current instanceof SQLException) {
        return ((SQLException) current).getSQLState();
      }
    }
    return null;
  }
}
