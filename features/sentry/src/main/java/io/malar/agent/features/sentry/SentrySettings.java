package io.malar.agent.features.sentry;

import io.malar.agent.core.config.Setting;
import java.util.Arrays;
import java.util.List;

/** The settings of the Sentry error capture. */
final class SentrySettings {
  static final Setting DSN =
      new Setting(
          "malar.agent.sentry.dsn",
          "",
          "The Sentry DSN errors are sent to; SENTRY_DSN when unset. Without a DSN nothing is captured.");
  static final Setting ENVIRONMENT =
      new Setting(
          "malar.agent.sentry.environment",
          "",
          "The events' environment; SENTRY_ENVIRONMENT when unset, else the resource's deployment.environment.name.");
  static final Setting RELEASE =
      new Setting(
          "malar.agent.sentry.release",
          "",
          "The events' release; SENTRY_RELEASE when unset, else the resource's service.version.");
  static final Setting SAMPLE_RATE =
      new Setting("malar.agent.sentry.sample-rate", "1.0", "The share of error events sent, from 0.0 to 1.0.", Setting.Form.FRACTION);
  static final Setting SEND_DEFAULT_PII =
      Setting.flag(
          "malar.agent.sentry.send-default-pii",
          "false",
          "Adds the client's IP address and the authenticated user's name to events; without it no"
              + " personal data is sent.");
  static final Setting SERVER_ERROR_EVENTS =
      Setting.flag(
          "malar.agent.sentry.capture-5xx",
          "true",
          "Sends a message event such as 'HTTP 503 GET /route' for a 5xx response without an exception.");
  static final Setting RATE_LIMIT =
      Setting.positiveInt(
          "malar.agent.sentry.rate-limit",
          "10",
          "Events per minute for one error (same exception type and throwing frame, or same status"
              + " and route); the others are dropped and counted in malar.agent.sentry.events.dropped.");
  static final Setting HEADERS =
      new Setting(
          "malar.agent.sentry.headers",
          "Accept,Accept-Language,Content-Type,Content-Length,Host,Origin,User-Agent,X-Request-Id",
          "Request headers copied into events. Authorization, Cookie, Set-Cookie, Proxy-Authorization"
              + " and names containing token, secret, key, password or auth are never copied.");

  private SentrySettings() {}

  static List<Setting> all() {
    return Arrays.asList(
        DSN, ENVIRONMENT, RELEASE, SAMPLE_RATE, SEND_DEFAULT_PII, SERVER_ERROR_EVENTS, RATE_LIMIT, HEADERS);
  }
}
