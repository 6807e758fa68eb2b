package io.malar.agent.core.log;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The OpenTelemetry SDK's own java.util.logging lines (a failed export, an exporter timed out, a
 * full queue), which it writes on every attempt while a collector is away: the agent's SDK writes
 * them into the agent log instead of the application's console, at most one a minute, with the
 * count of those left out. Records of an SDK the application brings itself share the logger
 * names; they are told apart by the class loader of the class that logged, and go on to the
 * application's handlers unchanged.
 */
public final class SdkLogLines extends Handler {
  private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** Held here: java.util.logging keeps loggers only weakly, and would forget our settings. */
  private static final Logger SDK_LOGGERS = Logger.getLogger("io.opentelemetry");

  private final ClassLoader agentLoader = SdkLogLines.class.getClassLoader();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final AtomicLong nextLineNanos = new AtomicLong(System.nanoTime());
  private final AtomicInteger leftOut = new AtomicInteger();

  private SdkLogLines() {}

  /** From now on the agent's SDK logs through the agent log; call before the SDK is built. */
  public static void install() {
    SDK_LOGGERS.addHandler(new SdkLogLines());
    SDK_LOGGERS.setUseParentHandlers(false);
  }

  @Override
  public void publish(LogRecord record) {
    if (!fromAgent()) {
      toParentHandlers(record);
      return;
    }
    long now = System.nanoTime();
    long next = nextLineNanos.get();
    if (now - next < 0 || !nextLineNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
      leftOut.incrementAndGet();
      return;
    }
    Throwable thrown = record.getThrown();
    AgentLog.warn(
        "OpenTelemetry SDK: " + formatter.formatMessage(record),
        "sdk_logger", record.getLoggerName(),
        "error", thrown == null ? null : String.valueOf(thrown),
        "left_out_last_minute", leftOut.getAndSet(0));
  }

  /** Whether the OpenTelemetry class that logged is the agent's own. */
  private boolean fromAgent() {
    Optional<Class<?>> logging =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith("io.opentelemetry."))
                .findFirst());
    return logging.isPresent() && logging.get().getClassLoader() == agentLoader;
  }

  private static void toParentHandlers(LogRecord record) {
    for (Logger logger = SDK_LOGGERS.getParent(); logger != null; logger = logger.getParent()) {
      for (Handler handler : logger.getHandlers()) {
        handler.publish(record);
      }
      if (!logger.getUseParentHandlers()) {
        return;
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
