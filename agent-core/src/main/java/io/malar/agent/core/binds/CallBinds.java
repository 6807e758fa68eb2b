package io.malar.agent.core.binds;

import io.malar.agent.core.config.Setting;

/**
 * The bind values of the JDBC call in progress on this thread, handed from the JDBC
 * instrumentation to whoever looks at the call's span as it ends (the slow-call warnings), so the
 * values never need to sit on a span unredacted. Set only while capturing binds is on.
 */
public final class CallBinds {
  public static final Setting CAPTURE =
      new Setting(
          "malar.agent.slow-query.capture-binds",
          "false",
          "Attach the bind values of slow or failed prepared statements to the warning and the span, each"
              + " truncated to " + BindValues.MAX_LENGTH + " characters, with phone numbers, emails and card numbers masked.");

  private static final ThreadLocal<Object[]> IN_PROGRESS = new ThreadLocal<>();

  private CallBinds() {}

  /** {@code values} are what {@link BindValues#retained} kept, by parameter index from 0. */
  public static void callStarted(Object[] values) {
    IN_PROGRESS.set(values);
  }

  /** The values of the call whose span is ending on this thread, or null. */
  public static Object[] ofCallInProgress() {
    return IN_PROGRESS.get();
  }

  public static void callEnded() {
    IN_PROGRESS.remove();
  }
}
