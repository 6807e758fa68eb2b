package io.malar.agent.features.sentry;

import io.malar.agent.core.config.AgentConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The Sentry settings as read once at start-up, with Sentry's own variables as fallbacks. */
final class SentryConfig {
  private static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT = AttributeKey.stringKey("deployment.environment.name");
  private static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
  private static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");

  final String dsn;
  final String environment;
  final String release;
  final String serverName;
  final double sampleRate;
  final boolean sendDefaultPii;
  final boolean serverErrorEvents;
  final int eventsPerMinute;
  final List<String> headers;

  private SentryConfig(AgentConfig config, Map<String, String> environmentVariables, Resource resource) {
    dsn = dsn(config, environmentVariables);
    environment =
        firstNonEmpty(
            config.string(SentrySettings.ENVIRONMENT),
            environmentVariables.get("SENTRY_ENVIRONMENT"),
            resource.getAttribute(DEPLOYMENT_ENVIRONMENT));
    release =
        firstNonEmpty(
            config.string(SentrySettings.RELEASE),
            environmentVariables.get("SENTRY_RELEASE"),
            resource.getAttribute(SERVICE_VERSION));
    serverName = resource.getAttribute(HOST_NAME);
    sampleRate = config.fraction(SentrySettings.SAMPLE_RATE);
    sendDefaultPii = config.bool(SentrySettings.SEND_DEFAULT_PII);
    serverErrorEvents = config.bool(SentrySettings.SERVER_ERROR_EVENTS);
    eventsPerMinute = config.positiveInt(SentrySettings.RATE_LIMIT);
    headers = names(config.string(SentrySettings.HEADERS));
  }

  static SentryConfig read(AgentConfig config, Map<String, String> environmentVariables, Resource resource) {
    return new SentryConfig(config, environmentVariables, resource);
  }

  /** The DSN, or an empty string when errors are not to be captured. */
  static String dsn(AgentConfig config, Map<String, String> environmentVariables) {
    String dsn = firstNonEmpty(config.string(SentrySettings.DSN), environmentVariables.get("SENTRY_DSN"));
    return dsn == null ? "" : dsn;
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (value != null && !value.trim().isEmpty()) {
        return value.trim();
      }
    }
    return null;
  }

  private static List<String> names(String commaSeparated) {
    List<String> names = new ArrayList<>();
    for (String name : commaSeparated.split(",")) {
      if (!name.trim().isEmpty()) {
        names.add(name.trim());
      }
    }
    return Collections.unmodifiableList(names);
  }
}
