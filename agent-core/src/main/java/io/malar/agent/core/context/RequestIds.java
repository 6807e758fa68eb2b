package io.malar.agent.core.context;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The id a client or proxy gave the request in its {@code X-Request-Id} header, carried in the
 * request's context so it follows the work to other threads (for log lines, say).
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  /** Longer values are cut: a header is the client's to fill. */
  static final int MAX_LENGTH = 128;

  private static final ContextKey<String> KEY = ContextKey.named("malar-request-id");

  private RequestIds() {}

  /** {@code context} with the request's id, or {@code context} itself when the header is absent or blank. */
  public static Context with(Context context, String header) {
    if (header == null || header.isBlank()) {
      return context;
    }
    String id = header.strip();
    return context.with(KEY, id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id);
  }

  /** The request id in {@code context}, or null. */
  public static String of(Context context) {
    return context.get(KEY);
  }
}
