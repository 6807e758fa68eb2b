package io.malar.agent.instrumentation.executors;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * Executors whose tasks carry no context: a servlet container's own pools and timers, and those of
 * the agent and the libraries it runs (OpenTelemetry, Sentry). They are recognised by the package
 * of the executor's class or, for a JDK pool, of its thread factory; each class is judged once.
 */
final class InternalExecutors {
  private static final String[] PACKAGES = {
    "io.malar.agent.", "io.opentelemetry.", "io.sentry.",
    "org.eclipse.jetty.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
    "io.undertow.", "org.xnio.", "org.jboss.threads."
  };

  private static final ClassValue<Boolean> INTERNAL =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          String name = type.getName();
          for (String prefix : PACKAGES) {
            if (name.startsWith(prefix)) {
              return true;
            }
          }
          return false;
        }
      };

  private InternalExecutors() {}

  static boolean isInternal(Object executor) {
    if (executor == null) {
      return false;
    }
    if (INTERNAL.get(executor.getClass())) {
      return true;
    }
    return executor instanceof ThreadPoolExecutor
        && INTERNAL.get(((ThreadPoolExecutor) executor).getThreadFactory().getClass());
  }
}
