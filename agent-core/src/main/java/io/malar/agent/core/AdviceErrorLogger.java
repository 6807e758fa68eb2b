package io.malar.agent.core;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.core.log.AgentLog;

/**
 * Logs errors that advice suppressed. The first few are logged in full; after that one line per
 * thousand, so a broken hook on a hot path cannot flood the log.
 */
final class AdviceErrorLogger implements AdviceErrors.Listener {
  private static final long LOGGED_IN_FULL = 20;

  @Override
  public void onAdviceError(Throwable error) {
    long count = AdviceErrors.count();
    if (count <= LOGGED_IN_FULL || count % 1000 == 0) {
      AgentLog.error(
          "advice_error: the agent suppressed an error of its own; the application was not affected",
          "count", count,
          "error", String.valueOf(error),
          "at", error.getStackTrace().length > 0 ? error.getStackTrace()[0].toString() : "");
    }
  }
}
