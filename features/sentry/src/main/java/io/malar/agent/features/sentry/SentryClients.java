package io.malar.agent.features.sentry;

import io.sentry.SentryClient;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;

/**
 * A Sentry client of the agent's own: no {@code Sentry.init}, so no global hub, no uncaught
 * exception handler and no shutdown hook, and an application's own Sentry (any version, in its own
 * class loader) never meets it. The SDK sends from one daemon thread through a bounded queue;
 * when Sentry is slow or away, events beyond the queue are dropped, never waited for.
 */
final class SentryClients {
  private static final int QUEUE_SIZE = 30;
  private static final int TIMEOUT_MILLIS = 5_000;

  private SentryClients() {}

  /** @throws IllegalArgumentException when the DSN cannot be read */
  static SentryClient create(SentryConfig config, DroppedEvents dropped) {
    SentryOptions options = new SentryOptions();
    options.setDsn(config.dsn);
    options.setEnvironment(config.environment);
    options.setRelease(config.release);
    options.setServerName(config.serverName);
    // the SDK would otherwise resolve the host name, which can block on a slow resolver
    options.setAttachServerName(false);
    options.setSampleRate(config.sampleRate);
    options.getDataCollection().setUserInfo(config.sendDefaultPii);
    options.setEnableUncaughtExceptionHandler(false);
    options.setEnableShutdownHook(false);
    options.setMaxQueueSize(QUEUE_SIZE);
    options.setMaxBreadcrumbs(RecentClientCalls.PER_REQUEST);
    options.setConnectionTimeoutMillis(TIMEOUT_MILLIS);
    options.setReadTimeoutMillis(TIMEOUT_MILLIS);
    // warnings only, through a logger that writes at most one line per minute
    options.setDebug(true);
    options.setDiagnosticLevel(SentryLevel.WARNING);
    options.setLogger(new SentryDiagnostics());
    options.addEventProcessor(new DatabaseMessageScrubber());
    // the SDK reports what it loses to its client-report recorder, which calls this
    options.setOnDiscard(dropped::lostBySdk);
    return new SentryClient(options);
  }
}
