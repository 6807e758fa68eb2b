package io.malar.agent.core.errors;

import static io.opentelemetry.semconv.DbAttributes.DB_SYSTEM_NAME;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring guide's error categories, derived from what the agent sees, without any change
 * to the application: the exception's cause chain, then the status code, then the request's
 * failed database or Redis calls. Shared by every feature that reports errors, so a request has
 * one category wherever it is counted or sent.
 */
public final class ErrorCategory {
  public static final String DATABASE = "database";
  public static final String NETWORK = "network";
  public static final String EXTERNAL_SERVICE = "external_service";
  public static final String VALIDATION = "validation";
  public static final String AUTHENTICATION = "authentication";
  public static final String AUTHORIZATION = "authorization";
  public static final String BUSINESS_LOGIC = "business_logic";

  private static final int MAX_CAUSES = 16;
  /** Exception classes (or their superclasses) by name: most are not visible to the agent. */
  private static final Map<String, String> BY_CLASS = new HashMap<>();

  static {
    BY_CLASS.put("java.sql.SQLException", DATABASE);
    BY_CLASS.put("org.springframework.dao.DataAccessException", DATABASE);
    BY_CLASS.put("javax.persistence.PersistenceException", DATABASE);
    BY_CLASS.put("jakarta.persistence.PersistenceException", DATABASE);
    BY_CLASS.put("org.hibernate.HibernateException", DATABASE);
    BY_CLASS.put("redis.clients.jedis.exceptions.JedisConnectionException", NETWORK);
    BY_CLASS.put("redis.clients.jedis.exceptions.JedisException", EXTERNAL_SERVICE);
    BY_CLASS.put("io.lettuce.core.RedisConnectionException", NETWORK);
    BY_CLASS.put("io.lettuce.core.RedisCommandTimeoutException", NETWORK);
    BY_CLASS.put("io.lettuce.core.RedisException", EXTERNAL_SERVICE);
    BY_CLASS.put("java.net.SocketException", NETWORK);
    BY_CLASS.put("java.net.SocketTimeoutException", NETWORK);
    BY_CLASS.put("java.net.UnknownHostException", NETWORK);
    BY_CLASS.put("java.net.http.HttpTimeoutException", NETWORK);
    BY_CLASS.put("javax.validation.ValidationException", VALIDATION);
    BY_CLASS.put("jakarta.validation.ValidationException", VALIDATION);
    BY_CLASS.put("org.springframework.security.core.AuthenticationException", AUTHENTICATION);
    BY_CLASS.put("javax.security.auth.login.LoginException", AUTHENTICATION);
    BY_CLASS.put("org.springframework.security.access.AccessDeniedException", AUTHORIZATION);
  }

  private ErrorCategory() {}

  /**
   * @param thrown the exception that escaped, or null
   * @param status the response status, or 0
   * @param calls the request's recent database and Redis calls
   */
  public static String of(Throwable thrown, int status, List<ReadableSpan> calls) {
    if (thrown != null) {
      String fromCauses = fromCauseChain(thrown);
      if (fromCauses != null) {
        return fromCauses;
      }
    }
    switch (status) {
      case 400:
      case 422:
        return VALIDATION;
      case 401:
        return AUTHENTICATION;
      case 403:
        return AUTHORIZATION;
      default:
        break;
    }
    if (thrown == null) {
      String fromCalls = fromFailedCall(calls);
      if (fromCalls != null) {
        return fromCalls;
      }
    }
    return BUSINESS_LOGIC;
  }

  /** The category of the outermost exception in the chain that has one. */
  public static String fromCauseChain(Throwable thrown) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable current = thrown; current != null && seen.size() < MAX_CAUSES; current = current.getCause()) {
      if (seen.put(current, Boolean.TRUE) != null) {
        return null;
      }
      String category = ofClass(current.getClass());
      if (category != null) {
        return category;
      }
    }
    return null;
  }

  /** Whether any exception in the chain is a database error, however it was wrapped. */
  public static boolean hasDatabaseCause(Throwable thrown) {
    Throwable current = thrown;
    for (int i = 0; current != null && i < MAX_CAUSES; i++, current = current.getCause()) {
      if (DATABASE.equals(ofClass(current.getClass()))) {
        return true;
      }
    }
    return false;
  }

  private static String ofClass(Class<?> exceptionClass) {
    for (Class<?> type = exceptionClass; type != null; type = type.getSuperclass()) {
      String category = BY_CLASS.get(type.getName());
      if (category != null) {
        return category;
      }
    }
    return null;
  }

  /** For an error status without an exception: the last database or Redis call that failed. */
  private static String fromFailedCall(List<ReadableSpan> calls) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      ReadableSpan call = calls.get(i);
      String errorType = call.getAttribute(ERROR_TYPE);
      if (errorType == null) {
        continue;
      }
      if (!"redis".equals(call.getAttribute(DB_SYSTEM_NAME))) {
        return DATABASE;
      }
      return errorType.contains("Connection") || errorType.contains("Timeout") ? NETWORK : EXTERNAL_SERVICE;
    }
    return null;
  }
}
