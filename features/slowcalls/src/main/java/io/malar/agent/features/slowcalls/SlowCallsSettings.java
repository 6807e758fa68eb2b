package io.malar.agent.features.slowcalls;

import io.malar.agent.core.binds.CallBinds;
import io.malar.agent.core.config.AgentConfig;
import io.malar.agent.core.config.Setting;
import java.util.Arrays;
import java.util.List;

/** The settings of the slow-call warnings. */
final class SlowCallsSettings {
  static final Setting ENABLED =
      Setting.flag("malar.agent.slow-calls.enabled", "true", "Slow query, slow request, slow Redis and N+1 warnings on or off.");
  static final Setting SLOW_QUERY =
      Setting.duration(
          "malar.agent.slow-query.threshold",
          "500ms",
          "A JDBC call at least this long is logged as slow_query with the application frame that issued it.");
  static final Setting SLOW_REQUEST =
      Setting.duration(
          "malar.agent.slow-request.threshold",
          "1s",
          "A request at least this long is logged as slow_request with its JDBC and Redis breakdown.");
  static final Setting SLOW_REDIS =
      Setting.duration(
          "malar.agent.slow-redis.threshold",
          "50ms",
          "A Redis command at least this long is logged as slow_redis with the application frame that issued it.");
  static final Setting N_PLUS_ONE =
      Setting.positiveInt(
          "malar.agent.n-plus-one.threshold",
          "10",
          "A statement executed at least this many times in one request is logged once as n_plus_one.");
  static final Setting WARNING_INTERVAL =
      Setting.duration(
          "malar.agent.slow-calls.warning-interval",
          "1m",
          "At most one warning line per statement (or command, or route) in this interval; the next line"
              + " counts the ones suppressed.");

  private SlowCallsSettings() {}

  static List<Setting> all() {
    return Arrays.asList(ENABLED, SLOW_QUERY, SLOW_REQUEST, SLOW_REDIS, N_PLUS_ONE, WARNING_INTERVAL, CallBinds.CAPTURE);
  }

  static Thresholds thresholds(AgentConfig config) {
    return new Thresholds(
        config.duration(SLOW_QUERY).toNanos(),
        config.duration(SLOW_REQUEST).toNanos(),
        config.duration(SLOW_REDIS).toNanos(),
        config.positiveInt(N_PLUS_ONE),
        config.duration(WARNING_INTERVAL).toNanos());
  }
}
