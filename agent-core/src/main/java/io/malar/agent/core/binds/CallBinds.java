package io.malar.agent.core.binds;

import io.malar.agent.core.config.Setting;

/**
 * Where the bind values of the JDBC call in progress on this thread are, handed from the JDBC
 * instrumentation to whoever looks at the call's span as it ends (the slow-call warnings), so the
 * values never need to sit on a span unredacted, and are read only for a call that needs them. Set
 * only while capturing binds is on.
 */
public final class CallBinds {
  public static final Setting CAPTURE =
      Setting.flag(
          "malar.agent.slow-query.capture-binds",
          "false",
          "Attach the bind values of slow or failed prepared statements to the warning and the span, each"
              + " truncated to " + BindValues.MAX_LENGTH + " characters, with phone numbers, emails and card numbers masked.");

  private static final ThreadLocal<BindSource> IN_PROGRESS = new ThreadLocal<>();

  private CallBinds() {}

  public static void callStarted(BindSource binds) {
    IN_PROGRESS.set(binds);
  }

  /** Where the values of the call whose span is ending on this thread are, or null. */
  public static BindSource ofCallInProgress() {
    return IN_PROGRESS.get();
  }

  public static void callEnded() {
    IN_PROGRESS.remove();
  }
}
